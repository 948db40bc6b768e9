/**
 * What Slack retries: an Events API delivery whose ack it did not get in time comes again with the same
 * `event_id` and `X-Slack-Retry-Num` (over Socket Mode: `retry_attempt`). Sent here as Slack sends them,
 * signed, to the real app on the real database: each event has its effect once, whatever the order or
 * overlap of the deliveries; a failed handling lets a retry do the work; claims are pruned after a day.
 */
import { describe, expect, it } from "vitest";
import { startEventClaimPruning } from "../../jobs/prune-event-claims.ts";
import { ManualClock } from "../../src/clock.ts";
import { SlackEventClaimModel } from "../../src/db/models/slack-event-claim.ts";
import { claimEvent, eventClaimId, pruneEventClaims } from "../../src/store/event-claims.ts";
import { configureTeam, TEAM } from "../cycle/helpers.ts";
import { capturingLogger } from "../schedule/logs.ts";
import { useHarness } from "../support/harness.ts";

const home = (user: string) => ({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" });

describe("Events API retries over HTTP", () => {
  const { logger, lines } = capturingLogger();
  const h = useHarness("event-retries", { logger });
  const publishesFor = (user: string) =>
    h()
      .standIn.callsOf("views.publish")
      .filter((c) => c.args.user_id === user && c.ok).length;
  const retriesLogged = (eventId: string) =>
    lines.filter((l) => l.msg === "event already handled (a retry)" && l.eventId === eventId);

  it("publishes the App Home once for a delivery and its two retries (X-Slack-Retry-Num 1, 2)", async () => {
    await configureTeam();
    const { payload, body } = h().driver.eventBody(TEAM, home("U0ONE"));
    const first = await h().driver.post(body, "application/json");
    expect(first.status).toBe(200);
    await h().settle();
    for (const retryNum of [1, 2]) {
      const again = await h().driver.post(body, "application/json", { retryNum });
      expect(again.status).toBe(200);
    }
    await h().settle();
    expect(publishesFor("U0ONE")).toBe(1);
    expect(retriesLogged(payload.event_id).map((l) => l.retryNum)).toEqual([1, 2]);
  });

  it("publishes once when the delivery and its retries arrive at the same time", async () => {
    const { body } = h().driver.eventBody(TEAM, home("U0TWO"));
    const acks = await Promise.all(
      [undefined, 1, 2, 3].map((retryNum) => h().driver.post(body, "application/json", { retryNum })),
    );
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await h().settle();
    expect(publishesFor("U0TWO")).toBe(1);
  });

  it("handles two events of the same kind for the same person as two events (the key is event_id)", async () => {
    await h().driver.event(TEAM, home("U0THREE"));
    await h().driver.event(TEAM, home("U0THREE"));
    await h().settle();
    expect(publishesFor("U0THREE")).toBe(2);
  });

  it("gives the event back when its handling failed, so Slack's retry publishes the Home", async () => {
    h().standIn.failNext("views.publish", { error: "internal_error" });
    const { payload, body } = h().driver.eventBody(TEAM, home("U0FOUR"));
    await h().driver.post(body, "application/json");
    await h().settle();
    expect(publishesFor("U0FOUR")).toBe(0);
    const failed = lines.find((l) => l.msg === "App Home not published" && l.eventId === payload.event_id);
    expect(failed?.ref).toMatch(/^\w{6}$/);
    await h().driver.post(body, "application/json", { retryNum: 1 });
    await h().settle();
    expect(publishesFor("U0FOUR")).toBe(1);
    expect(retriesLogged(payload.event_id)).toEqual([]);
  });

  it("removes an uninstalled workspace's installation once for app_uninstalled and its retry", async () => {
    const { body } = h().driver.eventBody("T0GONE", { type: "app_uninstalled" });
    await h().driver.post(body, "application/json");
    await h().driver.post(body, "application/json", { retryNum: 1 });
    await h().settle();
    // One workspace's SLACK_BOT_TOKEN: nothing is stored, the operator is told once.
    const told = lines.filter((l) => l.team === "T0GONE" && String(l.msg).includes("SLACK_BOT_TOKEN"));
    expect(told).toHaveLength(1);
  });
});

describe("Events API retries over Socket Mode", () => {
  const h = useHarness("event-retries-socket", { socketMode: true });

  it("acknowledges every envelope and publishes once for retry_attempt 0, 1 and 2", async () => {
    await configureTeam();
    const { body } = h().driver.eventBody(TEAM, home("U0SOCK"));
    for (const retryNum of [undefined, 1, 2]) {
      const ack = await h().driver.post(body, "application/json", { retryNum });
      expect(ack.status).toBe(200);
    }
    await h().settle();
    const publishes = h()
      .standIn.callsOf("views.publish")
      .filter((c) => c.args.user_id === "U0SOCK");
    expect(publishes).toHaveLength(1);
  });
});

describe("event claims are pruned after a day", () => {
  useHarness("event-claims-prune");
  const now = new Date("2027-01-10T10:00:00Z");
  const at = (iso: string) => ({
    teamId: TEAM,
    eventId: `Ev${iso.replace(/\D/g, "")}`,
    eventTime: new Date(iso),
  });
  const old = [at("2027-01-07T12:00:00Z"), at("2027-01-08T23:59:00Z")];
  const recent = [at("2027-01-09T00:01:00Z"), at("2027-01-10T09:59:00Z")];
  const stored = async () =>
    (await SlackEventClaimModel.find({}, { _id: 1 }).sort({ _id: 1 }).lean()).map((d) => d._id);

  it("deletes the claims from before yesterday (UTC) and keeps every claim of the last 24 hours", async () => {
    for (const d of [...old, ...recent]) expect(await claimEvent(d, now)).toBe(true);
    expect(await pruneEventClaims(now)).toBe(2);
    expect(await stored()).toEqual(recent.map(eventClaimId));
    // A kept claim still stops a retry; a pruned one would not (Slack stops retrying after minutes).
    expect(await claimEvent(recent[0]!, now)).toBe(false);
    expect(await claimEvent(old[0]!, now)).toBe(true);
  });

  it("runs on a schedule (here every second, in production hourly)", async () => {
    await SlackEventClaimModel.deleteMany({});
    for (const d of [...old, ...recent]) await claimEvent(d, now);
    const { logger, lines } = capturingLogger();
    const pruning = startEventClaimPruning(new ManualClock(now), logger, "* * * * * *");
    try {
      const deadline = Date.now() + 10_000;
      while ((await stored()).length > recent.length) {
        if (Date.now() > deadline) throw new Error("the scheduled prune did not run");
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      pruning.stop();
    }
    expect(await stored()).toEqual(recent.map(eventClaimId));
    expect(lines.find((l) => l.deleted === 2)).toBeDefined();
  });
});
