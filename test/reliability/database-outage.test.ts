/**
 * The database goes away in the middle of traffic (stopped, or killed like a crash) and comes back on
 * the same port with the same data. Users get a clear "try again" for what could not be done, nothing
 * that was acknowledged is lost, /healthz says what is going on, and the app recovers by itself.
 */
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, disconnectDatabase } from "../../src/db/connection.ts";
import { withDatabase } from "../../src/db/provision.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { type RestartableDatabase, startRestartableDatabase } from "./support/restartable-database.ts";
import { commandTraffic, type Sent, sleep } from "./support/traffic.ts";

const lead = { teamId: "T0SIM", userId: "U0LEAD" };
const OUTAGE_TEXT =
  "The S&OP database is not reachable right now. Nothing was changed; please try again in a minute.";
const HELP_TEXT = "S&OP bot commands";

describe("database outage under traffic", () => {
  let db: RestartableDatabase;
  let h: Harness;
  let uri: string;

  beforeAll(async () => {
    db = await startRestartableDatabase("outage");
    uri = withDatabase(db.serverUri, "sop");
    await connectDatabase(uri);
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
    await disconnectDatabase().catch(() => {});
    await db?.destroy();
  });

  async function health(): Promise<number> {
    const res = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
    await res.text();
    return res.status;
  }

  async function waitForHealth(status: number, timeoutMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if ((await health()) === status) return Date.now() - started;
      await sleep(100);
    }
    throw new Error(`/healthz did not answer ${status} within ${timeoutMs} ms`);
  }

  /** What the user saw for each sent command: the text of its (single) ephemeral reply. */
  async function repliesTo(sent: Sent[]): Promise<Map<string, string[]>> {
    const acked = sent.filter((s) => s.status === 200);
    await h.standIn.waitFor(
      () => acked.every((s) => h.standIn.responsesTo(s.responseId).length > 0),
      15_000,
      "a reply to every acknowledged command",
    );
    await h.settle();
    return new Map(
      acked.map((s) => [s.responseId, h.standIn.responsesTo(s.responseId).map((r) => String(r.body.text))]),
    );
  }

  /** Claimed keys, read with a separate client so the app's own connection state plays no part. */
  async function claimedKeys(ids: string[]): Promise<Set<string>> {
    const client = new MongoClient(uri);
    try {
      await client.connect();
      const docs = await client
        .db()
        .collection<{ _id: string }>("idempotency_keys")
        .find({ _id: { $in: ids } }, { projection: { _id: 1 } })
        .toArray();
      return new Set(docs.map((d) => d._id));
    } finally {
      await client.close();
    }
  }

  for (const how of ["SIGTERM", "SIGKILL"] as const) {
    it(`stopped with ${how} mid-traffic: every command acked and answered, nothing acknowledged lost, recovery without restart`, async () => {
      expect(await health()).toBe(200);
      const traffic = commandTraffic(h.driver, lead, "help", { workers: 4, pauseMs: 25 });
      await sleep(1000);
      await db.stop(how);
      // /healthz reports the outage (its ping gives up after 1 s, well inside a probe's timeout).
      const healthDownMs = await waitForHealth(503, 5000);
      const downAt = Date.now();
      await sleep(4500);
      const backAt = Date.now();
      await db.start();
      const recoveredMs = await waitForHealth(200, 20_000);
      const recoveredAt = Date.now();
      await sleep(1500);
      await traffic.stop();

      const { sent } = traffic;
      // Commands sent while the database was down and too early to be saved by its return: the driver
      // waits up to 2 s for a server (serverSelectionTimeoutMS) before giving up.
      const during = sent.filter((s) => s.at > downAt && s.at + 2500 < backAt);
      const after = sent.filter((s) => s.at > recoveredAt + 500);
      expect(during.length).toBeGreaterThan(10);
      expect(after.length).toBeGreaterThan(10);

      // Every request was acked at once, outage or not (Slack's 3 s never comes near).
      expect(sent.filter((s) => s.status !== 200)).toEqual([]);
      expect(Math.max(...sent.map((s) => s.ackMs))).toBeLessThan(1000);

      // Each got exactly one answer: the help, or the clear try-again. Never a generic failure.
      const replies = await repliesTo(sent);
      for (const s of sent) {
        const texts = replies.get(s.responseId)!;
        expect(texts).toHaveLength(1);
        expect([HELP_TEXT, OUTAGE_TEXT]).toContain(texts[0]);
      }
      for (const s of during) expect(replies.get(s.responseId)).toEqual([OUTAGE_TEXT]);
      for (const s of after) expect(replies.get(s.responseId)).toEqual([HELP_TEXT]);

      // Acknowledged writes survive: every command that was answered (it claimed its trigger id first)
      // has its key in the database after the restart; those told to try again left none behind or a
      // harmless one (its release could not reach the database).
      const answered = sent.filter((s) => replies.get(s.responseId)![0] === HELP_TEXT);
      const keys = await claimedKeys(answered.map((s) => `${lead.teamId}:cmd:${s.triggerId}`));
      expect(answered.filter((s) => !keys.has(`${lead.teamId}:cmd:${s.triggerId}`))).toEqual([]);

      // The same app instance keeps serving: no restart happened.
      expect(recoveredMs).toBeLessThan(20_000);
      console.log(
        `[outage ${how}] ${sent.length} commands; ${during.length} during the outage answered "try again"; /healthz 503 after ${healthDownMs} ms, 200 again ${recoveredMs} ms after the database was back`,
      );
    });
  }
});
