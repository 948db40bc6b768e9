/**
 * The stand-in is as strict as Slack where it matters, and the app copes with each rule: a trigger_id
 * works once and for 3 s; an ack later than 3 s is a failure; a response_url takes 5 posts; about one
 * message per second per channel; file shares complete later; a slack_file the viewer cannot see is
 * refused; file inputs take 10 MB; an unauthorised download is a sign-in page; scopes are enforced.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { postDigest } from "../../jobs/digest.ts";
import { ManualClock } from "../../src/clock.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { refreshDigestFacts, reportingWeek } from "../../src/digest/index.ts";
import { createLogger } from "../../src/logger.ts";
import { TeamConfigSchema } from "../../src/team/team-config.ts";
import { CYCLE_VIEWS, encodeSubmitMeta } from "../../views/cycle-ids.ts";
import { fileValues } from "../cycle/helpers.ts";
import { seedActuals, seedSnapshots } from "../digest/fixtures.ts";
import { saveTeam, teamConfig } from "../schedule/fixtures.ts";
import { useHarness } from "../support/harness.ts";
import { slackDeadline, TRIGGER_LIFETIME_MS } from "../support/slack-deadlines.ts";
import { SlackDriver } from "../support/slack-driver.ts";
import { FILE_INPUT_MAX_BYTES, SlackStandIn } from "../support/slack-standin.ts";

const TEAM = "T0SIM";
const NOW = new Date("2027-02-01T07:00:00Z");
const lead = { teamId: TEAM, userId: "U0LEAD" };
const quiet = createLogger("silent");
const text = (x: unknown) => JSON.stringify(x ?? null);

describe("Slack's rules in the stand-in, and how the app copes", () => {
  const h = useHarness("realism", { clock: new ManualClock(NOW) });

  it("a trigger_id opens one view, within 3 s of the click", async () => {
    await saveTeam(TEAM);
    // Clicked longer ago than the trigger lives (Slack's 3 s, or more on a busy machine).
    const late = `${Date.now() - slackDeadline(TRIGGER_LIFETIME_MS) - 1000}.U0LEAD.0123456789abcdef`;
    const { responseId } = await h().driver.command(lead, "setup", { extra: { trigger_id: late } });
    expect(text(await h().driver.reply(responseId))).toContain("Slack did not open the form");
    expect(h().standIn.callsOf("views.open").at(-1)?.error).toBe("expired_trigger_id");

    const fresh = await h().driver.command(lead, "setup");
    await h().settle();
    expect(h().standIn.callsOf("views.open").at(-1)?.ok).toBe(true);
    // The same command again (same trigger): Slack refuses a trigger it has exchanged already.
    await h().driver.post(fresh.body, "application/x-www-form-urlencoded");
    await h().settle();
    expect(h().standIn.callsOf("views.open").at(-1)?.error).toBe("exchanged_trigger_id");
  });

  it("a response_url takes 5 posts; once used up, the reply comes as an ephemeral message instead", async () => {
    const { id, url } = h().standIn.newResponseUrl();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await fetch(url, { method: "POST", body: "{}" })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(h().standIn.refusedResponses.filter((r) => r.id === id)).toHaveLength(1);
    // ... and only for 30 minutes.
    const later = h().standIn.newResponseUrl();
    h().standIn.ledger.advance(30 * 60_000 + 1);
    const expired = await fetch(later.url, { method: "POST", body: "{}" });
    h().standIn.ledger.advance(-(30 * 60_000 + 1));
    expect([expired.status, await expired.json()]).toEqual([404, { ok: false, error: "expired_url" }]);

    const { body, responseId } = h().driver.commandBody(lead, "help");
    h().standIn.ledger.exhaustResponseUrl(responseId);
    await h().driver.post(body, "application/x-www-form-urlencoded");
    const ephemeral = await h().standIn.waitFor(
      () => h().standIn.messages.find((m) => m.ephemeralTo === "U0LEAD" && m.text === "S&OP bot commands"),
      10_000,
      "the help as an ephemeral message",
    );
    expect(ephemeral.channel).toBe("C0SOP");
    expect(h().standIn.responsesTo(responseId)).toHaveLength(0);
  });

  it("about one message per second per channel: beyond the burst Slack answers 429, the client waits and retries", async () => {
    const client = h().app.app.client;
    const burst = h().standIn.ledger.channelBurst;
    await Promise.all(
      Array.from({ length: burst + 2 }, (_, i) =>
        client.chat.postMessage({ channel: "C0BUSY", text: `m${i}` }),
      ),
    );
    expect(h().standIn.messagesIn("C0BUSY")).toHaveLength(burst + 2);
    const limited = h()
      .standIn.callsOf("chat.postMessage")
      .filter((c) => c.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
  });

  it("a chart file not yet shared (or not visible) makes Slack refuse the Home: it is published without the charts", async () => {
    await seedSnapshots(TEAM, "2027-W04");
    await seedActuals(TEAM, "2027-01", 10);
    await startCycle({ teamId: TEAM, period: "2027-02", by: "U0LEAD", at: NOW });
    await refreshDigestFacts(
      TEAM,
      TeamConfigSchema.parse(teamConfig(TEAM)),
      reportingWeek(NOW, "Europe/Berlin"),
      NOW,
      quiet,
    );
    // Slack shares uploads in the background; here it takes longer than the test.
    h().standIn.shareDelayMs = 600_000;
    const r = await postDigest(h().app.app.client, {
      teamId: TEAM,
      now: NOW,
      env: { CHART_MODE: "upload", QUICKCHART_URL: "https://quickchart.io" },
      log: quiet,
    });
    expect(r.files).toHaveLength(3);
    expect(h().standIn.files.get(r.files[0]!.id)?.shared).toBe(false);
    const before = h().standIn.callsOf("views.publish").length;
    await h().driver.event(TEAM, { type: "app_home_opened", user: "U0LEAD", tab: "home" });
    await h().settle();
    const publishes = h().standIn.callsOf("views.publish").slice(before);
    expect(publishes.map((c) => c.error ?? "ok")).toEqual(["invalid_blocks", "ok"]);
    const home = text(h().standIn.homes.get("U0LEAD"));
    expect(home).toContain("Executive Review Dashboard");
    expect(home).toContain("Charts cannot be shown here right now");
    expect(home).not.toContain("slack_file");
    h().standIn.shareDelayMs = 0;
  });

  it("a file input takes files up to 10 MB", () => {
    expect(() => h().standIn.userUpload("U0DP", "big.csv", Buffer.alloc(FILE_INPUT_MAX_BYTES + 1))).toThrow(
      "up to 10 MB",
    );
  });

  it("a download without access is Slack's sign-in page (status 200): the app says it could not read the file", async () => {
    await startCycle({ teamId: TEAM, period: "2027-03", by: "U0LEAD", at: NOW }).catch(() => {});
    const id = h().standIn.userUpload(
      "U0ANALYST",
      "plan.csv",
      Buffer.from("family,period,quantity\nA,2027-03,1\n"),
    );
    h().standIn.files.get(id)!.hiddenFromApp = true;
    const { http } = await h().driver.submitView(
      { teamId: TEAM, userId: "U0ANALYST" },
      {
        callback_id: CYCLE_VIEWS.submitPlan,
        private_metadata: encodeSubmitMeta({ period: "2027-03", phase: "data", version: 0 }),
      },
      fileValues(id) as never,
    );
    expect(http.json?.response_action).toBe("update");
    await h().settle();
    const told = text(h().standIn.messagesIn("DU0ANALYST").at(-1)?.blocks);
    expect(told).toContain("Could not read the file plan.csv: Slack sent a web page instead of the file");
  });

  it("a token without the scope a call needs gets missing_scope, recorded as the digest's failure", async () => {
    const granted = new Set(h().standIn.grantedScopes);
    h().standIn.grantedScopes.delete("files:write");
    const r = await postDigest(h().app.app.client, {
      teamId: TEAM,
      now: NOW,
      env: { CHART_MODE: "upload", QUICKCHART_URL: "https://quickchart.io" },
      log: quiet,
    });
    h().standIn.grantedScopes = granted;
    expect(r.posted).not.toBeNull();
    expect(r.failures.map((f) => f.code)).toEqual(["missing_scope"]);
  });
});

describe("long people lists", () => {
  const h = useHarness("realism-people", { clock: new ManualClock(NOW) });

  it("200 approvers per phase: kickoff, status and the sign-off request stay inside Slack's limits", async () => {
    const many = Array.from({ length: 200 }, (_, i) => `U0APP${String(i).padStart(4, "0")}`);
    const base = teamConfig("T0MANY");
    const phases = (base.phases as Record<string, unknown>[]).map((p) => ({
      ...p,
      approvers: many,
      owners: many,
    }));
    await saveTeam("T0MANY", { phases });
    const who = { teamId: "T0MANY", userId: "U0LEAD" };
    const started = await h().driver.command(who, "start 2027-02");
    await h().driver.reply(started.responseId, 1, 10_000);
    const status = await h().driver.command(who, "status 2027-02");
    const reply = await h().driver.reply(status.responseId, 1, 10_000);
    expect(text(reply)).toContain("and 190 more");
    await h().settle();
    expect(h().standIn.calls.filter((c) => c.error === "invalid_blocks")).toEqual([]);
  });
});

describe("the driver", () => {
  it("fails a request whose ack comes later than the deadline (Slack's 3 s)", async () => {
    // A server that always answers after 300 ms, against a driver whose deadline is 100 ms: the same
    // check as Slack's 3 s without a test that waits 3 s or depends on the machine's speed.
    const slow = createServer((_req, res) => {
      setTimeout(() => res.end(), 300);
    });
    await new Promise<void>((r) => slow.listen(0, "127.0.0.1", r));
    const standIn = await new SlackStandIn().start();
    try {
      const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/slack/events`;
      const driver = new SlackDriver(url, "secretsecretsecret", standIn);
      driver.ackLimitMs = 100;
      await expect(driver.command(lead, "help")).rejects.toThrow(
        /ack after \d+ ms: Slack gives up after 3 s/,
      );
      const allowed = await driver.command(lead, "help", { allowLateAck: true });
      expect(allowed.http.ms).toBeGreaterThan(100);
    } finally {
      slow.closeAllConnections();
      slow.close();
      await standIn.stop();
    }
  });
});
