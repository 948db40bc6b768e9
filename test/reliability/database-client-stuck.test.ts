/**
 * The server is back but the app's client is not. Twice in this suite's runs, under load, the app's
 * client did not recover from a database restart (every ping failing for 20 s and more, mongoose
 * readyState 0) while a new client connected at once. Here a client that can never recover is made on
 * purpose — its topology closed behind its back during the outage (fault injection, like killing a
 * process) — and the watchdog (src/db/connection.ts watchDatabase) must bring the app back unrestarted.
 */
import mongoose from "mongoose";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  connectDatabase,
  databaseReachable,
  disconnectDatabase,
  watchDatabase,
} from "../../src/db/connection.ts";
import { withDatabase } from "../../src/db/provision.ts";
import { type RestartableDatabase, startRestartableDatabase } from "./support/restartable-database.ts";
import { sleep } from "./support/traffic.ts";

/**
 * Closes the client's topology behind its back: every later command fails with "Topology is closed"
 * for good, the state others report after database restarts (e.g. node-red-contrib-mongodb4#21).
 */
async function wedgeClient(): Promise<void> {
  const client = mongoose.connection.getClient() as unknown as { topology?: { close(): unknown } };
  if (!client.topology) throw new Error("no topology to wedge");
  await client.topology.close();
}

async function reachableWithin(ms: number): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await databaseReachable()) return Date.now() - started;
    await sleep(200);
  }
  return null;
}

describe("the app's database client wedged after a server restart", () => {
  let db: RestartableDatabase;
  const lines: { msg: string }[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => void lines.push(JSON.parse(l)) });

  beforeAll(async () => {
    db = await startRestartableDatabase("stuck");
  });
  afterAll(async () => {
    await disconnectDatabase().catch(() => {});
    await db?.destroy();
  });

  const wedgeAndRestart = async () => {
    await connectDatabase(withDatabase(db.serverUri, "sop"));
    expect(await databaseReachable()).toBe(true);
    await db.stop("SIGKILL");
    await wedgeClient();
    await db.start();
    expect(await databaseReachable()).toBe(false);
  };

  it("without the watchdog the wedge is permanent (the fault is real)", async () => {
    await wedgeAndRestart();
    expect(await reachableWithin(6000)).toBeNull();
    await disconnectDatabase();
  });

  it("the watchdog reconnects once pings have failed for a while and a fresh client can ping", async () => {
    await wedgeAndRestart();
    const watchdog = watchDatabase(logger, { everyMs: 250, stuckAfterMs: 2000 });
    try {
      const recoveredMs = await reachableWithin(15_000);
      expect(recoveredMs).not.toBeNull();
      expect(lines.some((l) => /not recovering although the server answers; reconnecting/.test(l.msg))).toBe(
        true,
      );
      console.log(`[stuck client] the watchdog reconnected ${recoveredMs} ms after the server was back`);
    } finally {
      watchdog.stop();
    }
  });

  it("does not reconnect while the server itself is down (the driver does that when it is back)", async () => {
    lines.length = 0;
    const watchdog = watchDatabase(logger, { everyMs: 100, stuckAfterMs: 200 });
    await db.stop("SIGKILL");
    await sleep(2000);
    expect(lines.filter((l) => /reconnecting/.test(l.msg))).toEqual([]);
    await db.start();
    expect(await reachableWithin(10_000)).not.toBeNull();
    watchdog.stop();
  });
});
