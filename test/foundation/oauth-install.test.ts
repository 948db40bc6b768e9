/**
 * Distribution through OAuth: two workspaces install the app through the real flow (the install link, the
 * Slack consent page of the stand-in, the redirect with code and state, oauth.v2.access); each one's
 * commands, scheduled digest and reminders go out with its own bot token to its own channels, with its
 * own data only; tokens are encrypted at rest; an uninstall or a revoked bot token removes the
 * installation and nothing more is sent with it.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { manifestBotScopes } from "../../commands/oauth/oauth-options.ts";
import { tickJobs } from "../../jobs/index.ts";
import { ManualClock } from "../../src/clock.ts";
import { SlackInstallationModel } from "../../src/db/models/slack-installation.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { seedActuals, seedSnapshots } from "../digest/fixtures.ts";
import { saveTeam } from "../schedule/fixtures.ts";
import { Browser } from "../support/browser.ts";
import { useHarness } from "../support/harness.ts";
import { SlackStandIn } from "../support/slack-standin.ts";

const standIn = await new SlackStandIn().start();
const alpha = standIn.workspaces.add("T0ALPHA", "Alpha Foods");
const beta = standIn.workspaces.add("T0BETA", "Beta Tools");
const clock = new ManualClock(new Date("2027-02-01T07:00:10Z")); // Monday 08:00:10 Berlin: digest time

const TEAMS = [
  { w: alpha, sop: "C0ASOP", exec: "C0AEXEC", family: "Alpha oats" },
  { w: beta, sop: "C0BSOP", exec: "C0BEXEC", family: "Beta bolts" },
];

describe("OAuth distribution: two workspaces, each with its own token", () => {
  const h = useHarness("oauth", {
    clock,
    standIn,
    env: {
      SLACK_BOT_TOKEN: "",
      SLACK_CLIENT_ID: standIn.workspaces.clientId,
      SLACK_CLIENT_SECRET: standIn.workspaces.clientSecret,
      SLACK_STATE_SECRET: "a-state-secret-of-our-own",
      SLACK_TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    },
  });
  const appUrl = () => `http://127.0.0.1:${h().app.port}`;
  const install = (teamId: string, userId = "U0LEAD") =>
    new Browser().signInToSlack(standIn.baseUrl, teamId, userId).visit(`${appUrl()}/slack/install`);
  const tokenOf = (teamId: string) =>
    [...standIn.workspaces.tokens.values()]
      .filter((t) => t.teamId === teamId && !t.revoked)
      .map((t) => t.token);

  beforeAll(async () => {
    standIn.workspaces.redirectUrls = [`${appUrl()}/slack/oauth_redirect`];
    for (const t of TEAMS) {
      await saveTeam(t.w.teamId, { channels: { sop: t.sop, exec: t.exec } });
      await seedSnapshots(t.w.teamId, "2027-W04");
      await seedActuals(t.w.teamId, "2027-01", 3, {
        names: [1, 2, 3].map((i) => `${t.family} ${i}`),
      });
    }
  });

  it("installs through /slack/install → Slack's consent page → /slack/oauth_redirect", async () => {
    const visit = await install("T0ALPHA");
    expect(visit.hops.map((u) => new URL(u).pathname)).toEqual([
      "/slack/install",
      "/oauth/v2/authorize",
      "/slack/oauth_redirect",
    ]);
    expect(visit.status).toBe(200);
    expect(visit.body).toContain("installed in <b>Alpha Foods</b>");
    // The consent page was asked for exactly the manifest's bot scopes.
    const authorize = new URL(visit.hops[1]!);
    expect(authorize.searchParams.get("scope")?.split(",").sort()).toEqual(manifestBotScopes());
    expect((await install("T0BETA", "U0CEO")).body).toContain("installed in <b>Beta Tools</b>");
    expect(standIn.callsOf("oauth.v2.access").map((c) => c.ok)).toEqual([true, true]);
  });

  it("keeps one installation per workspace, its tokens encrypted at rest", async () => {
    const docs = await SlackInstallationModel.find({}).sort({ _id: 1 }).lean();
    expect(docs.map((d) => [d._id, d.teamId, d.botUserId, d.installedBy])).toEqual([
      ["T0ALPHA|install", "T0ALPHA", alpha.botUserId, "U0LEAD"],
      ["T0BETA|install", "T0BETA", beta.botUserId, "U0CEO"],
    ]);
    const stored = JSON.stringify(docs);
    for (const t of standIn.workspaces.tokens.keys()) expect(stored).not.toContain(t);
    expect(stored).not.toContain("xoxb-");
    // A sealed value is bound to its document: moved to the other workspace's, it does not open.
    await SlackInstallationModel.collection.updateOne({ _id: "T0BETA|install" } as never, {
      $set: { sealed: docs[0]!.sealed },
    });
    const { deps } = h().app;
    deps.installations!.forgetCached();
    await expect(deps.installations!.botToken("T0BETA")).rejects.toThrow();
    await SlackInstallationModel.collection.updateOne({ _id: "T0BETA|install" } as never, {
      $set: { sealed: docs[1]!.sealed },
    });
    expect(await deps.installations!.botToken("T0BETA")).toBe(tokenOf("T0BETA")[0]);
  });

  it("a command in each workspace is answered with that workspace's token", async () => {
    for (const t of TEAMS) {
      const { responseId } = await h().driver.command(
        { teamId: t.w.teamId, userId: "U0LEAD" },
        "start 2027-02",
      );
      await h().driver.reply(responseId);
    }
    await h().settle();
    for (const t of TEAMS) {
      const calls = standIn.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === t.sop);
      expect(calls.length).toBeGreaterThan(0);
      expect(new Set(calls.map((c) => c.token))).toEqual(new Set(tokenOf(t.w.teamId)));
      expect(calls.every((c) => c.teamId === t.w.teamId)).toBe(true);
    }
  });

  it("the scheduled digest of each workspace goes out with its token, with its own data only", async () => {
    const outcomes = await tickJobs(h().app.clients, h().app.deps, clock.now());
    expect(
      outcomes
        .filter((o) => o.job === "digest")
        .map((o) => [o.teamId, o.ran, o.ran && o.status])
        .sort(),
    ).toEqual([
      ["T0ALPHA", true, "done"],
      ["T0BETA", true, "done"],
    ]);
    for (const [t, other] of [TEAMS, [...TEAMS].reverse()].map((p) => p as typeof TEAMS)) {
      const digest = standIn.messagesIn(t!.exec).filter((m) => m.blocks);
      expect(digest).toHaveLength(1);
      expect(digest[0]!.teamId).toBe(t!.w.teamId);
      const text = JSON.stringify(digest[0]!.blocks);
      expect(text).not.toContain(other!.family);
      const files = [...standIn.files.values()].filter((f) => f.channel === t!.exec);
      expect(files).toHaveLength(3);
      expect(files.every((f) => f.teamId === t!.w.teamId)).toBe(true);
    }
    // No call anywhere was made with one workspace's token to the other's channels.
    for (const c of standIn.calls.filter((c) => c.teamId && typeof c.args.channel === "string")) {
      const owner = TEAMS.find((t) => [t.sop, t.exec].includes(String(c.args.channel)));
      if (owner) expect(c.teamId).toBe(owner.w.teamId);
    }
  });

  it("app_uninstalled removes that workspace's installation; the other goes on", async () => {
    standIn.workspaces.uninstall("T0ALPHA");
    await h().driver.event("T0ALPHA", { type: "app_uninstalled" });
    await h().settle();
    expect((await SlackInstallationModel.find({}).lean()).map((d) => d._id)).toEqual(["T0BETA|install"]);
    // Reminders at 09:00: Beta's run; Alpha's fails as not installed, and nothing goes out with its old token.
    clock.set("2027-02-01T08:00:30Z");
    const before = standIn.calls.length;
    const outcomes = await tickJobs(h().app.clients, h().app.deps, clock.now());
    const reminders = outcomes.filter((o) => o.job === "reminders");
    expect(reminders.find((o) => o.teamId === "T0BETA")).toMatchObject({ ran: true, status: "done" });
    expect(reminders.find((o) => o.teamId === "T0ALPHA")).toMatchObject({ ran: true, status: "failed" });
    const run = await findRun({ teamId: "T0ALPHA", job: "reminders", periodKey: "2027-02-01" });
    expect(run).toMatchObject({ retryable: false, failures: [{ code: "not_installed", retryable: false }] });
    expect(standIn.calls.slice(before).filter((c) => c.teamId === "T0ALPHA")).toEqual([]);
  });

  it("tokens_revoked for the bot removes the installation; a reinstall brings a new token", async () => {
    standIn.workspaces.uninstall("T0BETA");
    await h().driver.event("T0BETA", {
      type: "tokens_revoked",
      tokens: { bot: [beta.botUserId] },
    });
    await h().settle();
    expect(await SlackInstallationModel.countDocuments({})).toBe(0);

    expect((await install("T0ALPHA")).status).toBe(200);
    const { responseId } = await h().driver.command(
      { teamId: "T0ALPHA", userId: "U0LEAD" },
      "status 2027-02",
    );
    expect(JSON.stringify(await h().driver.reply(responseId))).toContain("2027-02");
    const [fresh] = tokenOf("T0ALPHA");
    expect(await h().app.deps.installations!.botToken("T0ALPHA")).toBe(fresh);
  });

  it("a denied consent or a forged state installs nothing and says so", async () => {
    const before = await SlackInstallationModel.countDocuments({});
    standIn.workspaces.denyNext = true;
    const denied = await install("T0BETA", "U0CEO");
    expect([denied.status, new URL(denied.url).searchParams.get("error")]).toEqual([400, "access_denied"]);
    expect(denied.body).toContain("Nothing was installed");
    const browser = new Browser().signInToSlack(standIn.baseUrl, "T0BETA", "U0CEO");
    const forged = await browser.visit(`${appUrl()}/slack/oauth_redirect?code=T0BETA.x&state=forged`);
    expect(forged.status).toBe(400);
    expect(forged.body).toContain("The installation did not complete");
    expect(await SlackInstallationModel.countDocuments({})).toBe(before);
  });
});
