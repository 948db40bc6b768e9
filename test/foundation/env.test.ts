/** Start-up configuration: a missing or malformed variable stops the app with one line naming it. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EnvError, encryptionKey, parseEnv } from "../../src/env.ts";

const good = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "0123456789abcdef0123",
  MONGODB_URI: "mongodb://127.0.0.1:1/sop",
};
const oauth = {
  SLACK_CLIENT_ID: "1234567890.1234567890",
  SLACK_CLIENT_SECRET: "0123456789abcdef0123456789abcdef",
  SLACK_STATE_SECRET: "a-random-state-secret",
  SLACK_TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("parseEnv", () => {
  it("accepts a complete configuration and applies defaults", () => {
    const env = parseEnv(good);
    expect(env.PORT).toBe(3000);
    expect(env.SLACK_API_URL).toBe("https://slack.com/api/");
    expect(env.CHART_MODE).toBe("upload");
    expect(env.LOG_LEVEL).toBe("info");
  });

  it.each([
    [{ SLACK_BOT_TOKEN: undefined }, "SLACK_BOT_TOKEN is required"],
    [{ SLACK_BOT_TOKEN: "xoxp-user-token" }, "SLACK_BOT_TOKEN must be a bot token"],
    [{ SLACK_SIGNING_SECRET: "" }, "SLACK_SIGNING_SECRET is required (only Socket Mode"],
    [oauth, "SLACK_BOT_TOKEN must be unset with OAuth distribution"],
    [
      { SLACK_BOT_TOKEN: undefined, SLACK_CLIENT_ID: "123.456" },
      "SLACK_CLIENT_SECRET is required for OAuth distribution (SLACK_CLIENT_ID set)",
    ],
    [
      { SLACK_BOT_TOKEN: undefined, ...oauth, SLACK_CLIENT_ID: "abc" },
      "SLACK_CLIENT_ID must be the app's client id",
    ],
    [
      { SLACK_BOT_TOKEN: undefined, ...oauth, SLACK_TOKEN_ENCRYPTION_KEY: "short" },
      "SLACK_TOKEN_ENCRYPTION_KEY must be 32 random bytes",
    ],
    [
      { SLACK_BOT_TOKEN: undefined, ...oauth, SLACK_STATE_SECRET: undefined },
      "SLACK_STATE_SECRET is required",
    ],
    [
      { SLACK_REDIRECT_URI: "https://app.example.com/slack/oauth_redirect" },
      "SLACK_REDIRECT_URI is only used",
    ],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT must be a TCP port"],
    [{ MONGODB_URI: "postgres://x" }, "MONGODB_URI must be a mongodb://"],
    [{ SLACK_API_URL: "not a url" }, "SLACK_API_URL must be a URL"],
    [{ SLACK_APP_TOKEN: "xoxb-wrong" }, "SLACK_APP_TOKEN must be an app-level token"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ CHART_MODE: "ascii" }, "CHART_MODE"],
  ])("names the variable: %o", (patch, expected) => {
    const env = { ...good, ...patch } as Record<string, string | undefined>;
    expect(() => parseEnv(env)).toThrow(EnvError);
    expect(() => parseEnv(env)).toThrow(expected);
  });

  it("Socket Mode needs no signing secret; OAuth distribution needs no bot token", () => {
    expect(() =>
      parseEnv({ ...good, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: "xapp-1-A1-2" }),
    ).not.toThrow();
    const env = parseEnv({ ...good, SLACK_BOT_TOKEN: undefined, ...oauth });
    expect(encryptionKey(env)).toHaveLength(32);
    expect(encryptionKey({ SLACK_TOKEN_ENCRYPTION_KEY: "ab".repeat(32) })).toEqual(Buffer.alloc(32, 0xab));
  });

  it("npm start stops with one clear line when a variable is missing", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, SLACK_SIGNING_SECRET: good.SLACK_SIGNING_SECRET },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      "configuration error: SLACK_BOT_TOKEN is required (or SLACK_CLIENT_ID and its companions for OAuth distribution)",
    );
  });
});
