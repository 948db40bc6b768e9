/**
 * SIGTERM under load (a deploy, a scale-down): the process stops taking requests, finishes what it
 * acknowledged — every acked command still gets its answer — and exits cleanly within 10 s. The load
 * mixes reads (`/sop help`) and transitions (`/sop start` of new cycles): every start is whole (cycle and
 * its logged start event) or absent, never half-applied.
 */
import { MongoClient } from "mongodb";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addMonths, currentPeriod } from "../../src/cycle/period.ts";
import { connectDatabase } from "../../src/db/connection.ts";
import { withDatabase } from "../../src/db/provision.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { SIGNING_SECRET } from "../support/harness.ts";
import { SlackDriver } from "../support/slack-driver.ts";
import { SlackStandIn } from "../support/slack-standin.ts";
import { type AppProcess, startAppProcess } from "./support/app-process.ts";
import { exampleTeam } from "./support/cycle-setup.ts";
import { commandTraffic, sleep } from "./support/traffic.ts";

const lead = { teamId: "T0SIM", userId: "U0LEAD" };

describe("graceful shutdown under load", () => {
  let standIn: SlackStandIn;
  let app: AppProcess | undefined;
  const uri = withDatabase(inject("mongoServerUri"), `shutdown_${process.pid}`);

  const TEAMS = 20;
  const teamOf = (t: number) => `T0SD${String(t).padStart(2, "0")}`;

  beforeAll(async () => {
    standIn = await new SlackStandIn().start();
    await connectDatabase(uri);
    // Each workspace has channels and members of its own (channel and DM ids are unique across Slack):
    // twenty teams posting kickoffs and DMs into shared ids would queue behind one 1 message/s limit.
    for (let t = 0; t < TEAMS; t++) {
      const own = JSON.stringify(exampleTeam(teamOf(t))).replace(/"([UC]0[A-Z]+)"/g, `"$1${t}"`);
      await saveTeamConfig(JSON.parse(own), "test", new Date());
    }
  });
  afterAll(async () => {
    await app?.kill();
    await standIn?.stop();
    await mongoose.connection.dropDatabase().catch(() => {});
    await mongoose.disconnect();
  });

  it("SIGTERM during traffic: acked requests all answered, no 5xx, exit 0 within 10 s", async () => {
    app = startAppProcess({
      SLACK_BOT_TOKEN: "xoxb-test-token",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.apiUrl,
      PORT: "0",
      MONGODB_URI: uri,
    });
    const listening = await app.waitForLog((l) => l.msg === "S&OP bot listening", 60_000, "listening");
    const driver = new SlackDriver(
      `http://127.0.0.1:${listening.port as number}/slack/events`,
      SIGNING_SECRET,
      standIn,
    );
    // Slow Slack makes the work after ack last long enough to be caught by the signal.
    standIn.latencyMs = 150;
    // The app runs on the real clock: start cycles in the months it accepts (12 back to 24 ahead).
    const now = currentPeriod("Europe/Berlin", new Date());
    const starts: { actor: { teamId: string; userId: string }; text: string }[] = [];
    for (let m = -12; m <= 24; m++)
      for (let t = 0; t < TEAMS; t++)
        starts.push({
          actor: { teamId: teamOf(t), userId: `U0LEAD${t}` },
          text: `start ${addMonths(now, m)}`,
        });
    const writes = commandTraffic(driver, lead, () => starts.shift() ?? null, {
      workers: 2,
      pauseMs: 100,
      stopOnRefused: true,
    });
    const traffic = commandTraffic(driver, lead, "help", {
      workers: Number(process.env.SHUTDOWN_WORKERS ?? 8),
      pauseMs: Number(process.env.SHUTDOWN_PAUSE ?? 10),
      stopOnRefused: true,
    });
    // The signal comes once some transitions have gone through (a condition, not a time: the machine may
    // be slow), with both streams still sending.
    await sleep(1500);
    const ackedStarts = () => writes.sent.filter((x) => x.status === 200).length;
    for (const deadline = Date.now() + 30_000; ackedStarts() < 6; ) {
      if (Date.now() > deadline) throw new Error(`only ${ackedStarts()} /sop start acked before SIGTERM`);
      await sleep(50);
    }
    const termAt = Date.now();
    const inFlightAtTerm = traffic.sent.length;
    app.child.kill("SIGTERM");
    const exit = await app.exited;
    await Promise.all([traffic.stop(), writes.stop()]);
    standIn.latencyMs = 0;

    expect(exit.code).toBe(0);
    expect(exit.at - termAt).toBeLessThan(10_000);
    expect(app.lines.some((l) => l.msg === "shutting down")).toBe(true);
    expect(app.lines.some((l) => l.msg === "stopped")).toBe(true);
    expect(app.lines.some((l) => /did not finish in time/.test(l.msg))).toBe(false);

    const sent = [...traffic.sent, ...writes.sent];
    const acked = sent.filter((s) => s.status === 200);
    // Nothing is answered with an error status: either acked, or refused at the door (Slack retries).
    expect(sent.filter((s) => s.status !== 200 && s.status !== 0)).toEqual([]);
    expect(acked.length).toBeGreaterThan(inFlightAtTerm / 2);
    // The process is gone, so every answer it owed must already be there.
    const unanswered = acked.filter((s) => standIn.responsesTo(s.responseId).length === 0);
    expect(unanswered).toEqual([]);
    for (const s of acked) expect(standIn.responsesTo(s.responseId)).toHaveLength(1);
    // A refused request was not half-done either: no work ran for it (Slack's retry will be the only one).
    const refused = sent.filter((s) => s.status === 0);
    expect(refused.filter((s) => standIn.responsesTo(s.responseId).length > 0)).toEqual([]);
    // Transitions: every acked start was answered "Started" and is whole; every refused one is absent.
    const client = await new MongoClient(uri).connect();
    try {
      const has = async (collection: string, id: string) =>
        (await client.db().collection<{ _id: string }>(collection).countDocuments({ _id: id })) === 1;
      const cycleOf = (x: (typeof writes.sent)[number]) =>
        `${x.actor.teamId}|${x.text.slice("start ".length)}`;
      for (const w of writes.sent.filter((x) => x.status === 200)) {
        expect(String(standIn.responsesTo(w.responseId)[0]?.body.text), w.text).toContain("Started the");
        expect(await has("cycles", cycleOf(w)), cycleOf(w)).toBe(true);
        expect(await has("cycle_events", `${cycleOf(w)}|0001`), cycleOf(w)).toBe(true);
      }
      for (const w of writes.sent.filter((x) => x.status !== 200))
        expect(await has("cycles", cycleOf(w)), cycleOf(w)).toBe(false);
    } finally {
      await client.close();
    }
    expect(writes.sent.filter((x) => x.status === 200).length).toBeGreaterThan(5);
    const ackedAfterTerm = acked.filter((s) => s.at >= termAt).length;
    console.log(
      `[shutdown] ${sent.length} sent (${writes.sent.length} /sop start), ${acked.length} acked (${ackedAfterTerm} sent after SIGTERM), ${sent.length - acked.length} refused; exit ${exit.code} after ${exit.at - termAt} ms; every acked command answered`,
    );
  });
});
