/**
 * SIGTERM under load (a deploy, a scale-down): the process stops taking requests, finishes what it
 * acknowledged — every acked command still gets its answer — and exits cleanly within 10 s.
 */
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../../src/db/provision.ts";
import { SIGNING_SECRET } from "../support/harness.ts";
import { SlackDriver } from "../support/slack-driver.ts";
import { SlackStandIn } from "../support/slack-standin.ts";
import { type AppProcess, startAppProcess } from "./support/app-process.ts";
import { commandTraffic, sleep } from "./support/traffic.ts";

const lead = { teamId: "T0SIM", userId: "U0LEAD" };

describe("graceful shutdown under load", () => {
  let standIn: SlackStandIn;
  let app: AppProcess | undefined;
  const uri = withDatabase(inject("mongoServerUri"), `shutdown_${process.pid}`);

  beforeAll(async () => {
    standIn = await new SlackStandIn().start();
  });
  afterAll(async () => {
    await app?.kill();
    await standIn?.stop();
    const client = new MongoClient(uri);
    await client.connect();
    await client.db().dropDatabase();
    await client.close();
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
    const traffic = commandTraffic(driver, lead, "help", {
      workers: Number(process.env.SHUTDOWN_WORKERS ?? 8),
      pauseMs: Number(process.env.SHUTDOWN_PAUSE ?? 10),
      stopOnRefused: true,
    });
    await sleep(1500);
    const termAt = Date.now();
    const inFlightAtTerm = traffic.sent.length;
    app.child.kill("SIGTERM");
    const exit = await app.exited;
    await traffic.stop();
    standIn.latencyMs = 0;

    expect(exit.code).toBe(0);
    expect(exit.at - termAt).toBeLessThan(10_000);
    expect(app.lines.some((l) => l.msg === "shutting down")).toBe(true);
    expect(app.lines.some((l) => l.msg === "stopped")).toBe(true);
    expect(app.lines.some((l) => /did not finish in time/.test(l.msg))).toBe(false);

    const { sent } = traffic;
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
    const ackedAfterTerm = acked.filter((s) => s.at >= termAt).length;
    console.log(
      `[shutdown] ${sent.length} sent, ${acked.length} acked (${ackedAfterTerm} sent after SIGTERM), ${sent.length - acked.length} refused; exit ${exit.code} after ${exit.at - termAt} ms; every acked command answered`,
    );
  });
});
