/**
 * The database cut in the middle of a scheduled digest (test/reliability/support/cutting-proxy.ts sits
 * between the app and the database): whatever the moment, the exec channel gets the digest at most once,
 * and what could not be known is told to the admins instead of guessed.
 * - cut right after the digest is recorded as sending: Slack posts it, its answer cannot be stored. The
 *   next run does not post it again; the admins hear it may be missing (it is not).
 * - cut right after the post's answer is stored: the charts cannot start. The next run (a retry, or a
 *   takeover when the first could not even record its failure) reuses the post and uploads the charts:
 *   one post, the charts once.
 */
import mongoose from "mongoose";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { digestJob } from "../../jobs/digest.ts";
import { ManualClock } from "../../src/clock.ts";
import { connectDatabase } from "../../src/db/connection.ts";
import { withDatabase } from "../../src/db/provision.ts";
import { createLogger } from "../../src/logger.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import { outboxOfRun } from "../../src/store/outbox.ts";
import { seedSnapshots } from "../digest/fixtures.ts";
import { saveTeam } from "../schedule/fixtures.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { CuttingProxy, insertInto, updateIn } from "./support/cutting-proxy.ts";
import { sleep } from "./support/traffic.ts";

// Monday 1 Feb 2027, 08:00 Berlin: the digest run of 2027-W05.
const NOW = new Date("2027-02-01T07:00:00Z");
const OUTAGE_MS = 3000;
const LEASE_MS = 60_000;
const logger = createLogger(process.env.TEST_LOG_LEVEL ?? "silent");
const upload = { CHART_MODE: "upload" as const, QUICKCHART_URL: "https://quickchart.io" };

describe("the database cut during a scheduled digest", () => {
  let proxy: CuttingProxy;
  let h: Harness;

  beforeAll(async () => {
    const upstream = new URL(inject("mongoServerUri"));
    proxy = await new CuttingProxy({ host: upstream.hostname, port: Number(upstream.port) }).start();
    await connectDatabase(withDatabase(`mongodb://127.0.0.1:${proxy.port}/`, `outboxcut_${process.pid}`));
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
    await mongoose.connection.dropDatabase().catch(() => {});
    await mongoose.disconnect();
    await proxy?.stop();
  });
  beforeEach(() => h.standIn.reset());

  const digestPosts = () =>
    h.standIn.messagesIn("C0EXEC").filter((m) => JSON.stringify(m.blocks ?? []).includes("weekly digest"));
  const sharedCharts = () => [...h.standIn.files.values()].filter((f) => f.shared && f.channel === "C0EXEC");

  const scheduler = (clock: ManualClock) =>
    new Scheduler({
      jobs: [digestJob(h.app.app.client, upload)],
      clock,
      logger,
      leaseMs: LEASE_MS,
      retryDelayMs: LEASE_MS,
    });

  /** The run cut by `cut`, then (database back, retry delay and lease passed) the next run. */
  async function cutThenTakeOver(team: string, cut: (msg: Buffer) => boolean) {
    await saveTeam(team);
    await seedSnapshots(team, "2027-W04", 12);
    const clock = new ManualClock(NOW);
    const s = scheduler(clock);
    await s.refresh();
    const cutDone = proxy.cutAfter(cut, OUTAGE_MS, 30_000);
    const first = await s.runDue(team, "digest", clock.now()).catch((err: Error) => ({ threw: err.message }));
    await cutDone;
    await sleep(OUTAGE_MS);
    clock.set(new Date(NOW.getTime() + 2 * LEASE_MS));
    const replica = scheduler(clock);
    await replica.refresh();
    const second = await replica.runDue(team, "digest", clock.now());
    const items = (await outboxOfRun(team, "digest", "2027-W05")).map((d) => [d.item, d.attempt, d.status]);
    console.log(
      `[cut] digest of ${team}: first run ${JSON.stringify(first)}, then ${JSON.stringify(second)}`,
    );
    return { second, items };
  }

  it("cut after the post was recorded as sending: posted once, not again; the admins told", async () => {
    const { second, items } = await cutThenTakeOver("T0OBX1", insertInto("outbox"));
    expect(digestPosts()).toHaveLength(1);
    expect(second).toMatchObject({ ran: true, attempt: 2 });
    expect(items).toContainEqual(["digest", 1, "unknown"]);
    const alerts = h.standIn.messagesIn("DU0LEAD").filter((m) => m.text?.includes("may or may not"));
    expect(alerts).toHaveLength(1);
  });

  it("cut after the post's answer was stored: the next run uploads the charts, posts nothing", async () => {
    const { second, items } = await cutThenTakeOver("T0OBX2", updateIn("outbox"));
    expect(second).toMatchObject({ ran: true, status: "done", attempt: 2 });
    expect(digestPosts()).toHaveLength(1);
    expect(sharedCharts()).toHaveLength(3);
    expect(items).toContainEqual(["digest", 1, "sent"]);
    expect(items).toContainEqual(["digest-charts", 1, "sent"]);
  });
});
