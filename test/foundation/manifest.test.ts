/**
 * The manifest as code: manifest.json is what `npm run manifest -- --host app.example.com` writes, built
 * from the listeners the running app registers and the Web API calls its code makes; the check fails for
 * a listener Slack would not deliver to and for a scope that is missing or unused.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createApp } from "../../commands/app.ts";
import { InFlight } from "../../commands/in-flight.ts";
import { buildManifest, manifestProblems, neededScopes } from "../../scripts/manifest/build-manifest.ts";
import { collectSurface } from "../../scripts/manifest/collect-surface.ts";
import { webApiCalls } from "../../scripts/manifest/web-api-calls.ts";
import { systemClock } from "../../src/clock.ts";
import { repoRoot } from "../../src/db/provision.ts";
import { parseEnv } from "../../src/env.ts";
import { createLogger } from "../../src/logger.ts";

const committed = JSON.parse(readFileSync(join(repoRoot, "manifest.json"), "utf8"));
const surface = collectSurface();
const calls = webApiCalls(repoRoot);

function manifestCli(args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/manifest.ts", ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("manifest.json", () => {
  it("is what the generator writes for app.example.com", () => {
    expect(committed).toEqual(buildManifest(surface, calls, { host: "app.example.com" }));
    expect(manifestProblems(committed, surface, calls)).toEqual([]);
  });

  it("is built from what the app really registers", () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: "xoxb-x", SLACK_SIGNING_SECRET: "0123456789abcdef", PORT: "0" });
    const { surface: live } = createApp({
      env,
      logger: createLogger("silent"),
      clock: systemClock,
      inFlight: new InFlight(),
    });
    expect(live).toEqual(surface);
    expect(surface.commands).toContain("/sop");
    expect(surface.events).toContain("app_home_opened");
    expect(surface.actions.length).toBeGreaterThan(0);
  });

  it("requests exactly the scopes the code's calls need", () => {
    expect(calls.map((c) => c.method)).toContain("chat.postMessage");
    expect(calls.map((c) => c.method)).toContain("files.completeUploadExternal"); // via files.uploadV2
    expect(committed.oauth_config.scopes.bot).toEqual(neededScopes(surface, calls));
    // None of these is used: conversation and user pickers in modals need no scope.
    for (const unused of ["users:read", "channels:read", "groups:read"])
      expect(committed.oauth_config.scopes.bot).not.toContain(unused);
  });
});

describe("the manifest check", () => {
  const withScopes = (bot: string[]) => ({
    ...committed,
    oauth_config: { ...committed.oauth_config, scopes: { bot } },
  });

  it("fails for a missing scope, naming the call that needs it", () => {
    const problems = manifestProblems(
      withScopes(committed.oauth_config.scopes.bot.filter((s: string) => s !== "files:read")),
      surface,
      calls,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^scope files:read is needed \(files\.info at commands\/.+:\d+\)/),
    ]);
  });

  it("fails for a scope nothing uses", () => {
    expect(
      manifestProblems(withScopes([...committed.oauth_config.scopes.bot, "users:read"]), surface, calls),
    ).toEqual(["scope users:read is requested but nothing uses it"]);
  });

  it("fails for a handled event, command or shortcut the manifest does not have", () => {
    const more = {
      ...surface,
      events: [...surface.events, "member_joined_channel"],
      commands: [...surface.commands],
      shortcuts: [{ callbackId: "sop_log_decision", type: "message_action" }],
    };
    const problems = manifestProblems(committed, more, calls);
    expect(problems).toContain("event member_joined_channel is handled but not subscribed");
    expect(problems).toContain("shortcut sop_log_decision is handled but not in the manifest");
    expect(problems).toContain(
      "shortcut sop_log_decision has no entry in commands/manifest-text.ts (SHORTCUT_TEXT)",
    );
    const noCommand = { ...committed, features: { ...committed.features, slash_commands: [] } };
    expect(manifestProblems(noCommand, surface, calls)).toEqual([
      "slash command /sop is handled but not in the manifest",
    ]);
  });

  it("npm run manifest writes the HTTP and the Socket Mode manifests", { timeout: 300_000 }, () => {
    const http = manifestCli(["--host", "sop.acme.test"]);
    expect(JSON.parse(http.stdout).settings.event_subscriptions.request_url).toBe(
      "https://sop.acme.test/slack/events",
    );
    const socket = JSON.parse(manifestCli(["--socket-mode"]).stdout);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain("https://");
    const bad = manifestCli([]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("needs the app's public host (--host)");
  });
});
