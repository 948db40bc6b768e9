/**
 * Monday morning end to end with the real KPI engine: 06:00 the KPI job stores the snapshots and the
 * digest facts and refreshes the executive dashboards; 08:00 the digest job posts from them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { digestJob } from "../../jobs/digest.ts";
import { tickJobs } from "../../jobs/index.ts";
import { kpiJob } from "../../jobs/kpi.ts";
import { ManualClock } from "../../src/clock.ts";
import { KpiSnapshotModel } from "../../src/db/models/kpi-snapshot.ts";
import { loadDigestFacts } from "../../src/digest/index.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { saveTeam } from "../schedule/fixtures.ts";
import { capturingLogger } from "../schedule/logs.ts";
import { useHarness } from "../support/harness.ts";
import { seedActuals } from "./fixtures.ts";

const TEAM = "T0SIM";
const clock = new ManualClock(new Date("2027-02-01T05:00:10Z")); // Monday 06:00:10 Berlin

describe("KPI recompute job, then the digest", () => {
  const h = useHarness("kpijob", { clock });

  beforeAll(async () => {
    await saveTeam(TEAM);
    await seedActuals(TEAM, "2027-01", 25);
  });

  it("stores last week's and this week's snapshots and the digest facts, refreshes dashboards, then the digest uses them", async () => {
    const { logger } = capturingLogger();
    const deps = { env: h().env, logger, clock, inFlight: h().inFlight };
    const client = h().app.app.client;
    const s = new Scheduler({ jobs: [kpiJob(client, deps), digestJob(client, h().env)], clock, logger });
    await s.refresh();

    const kpi = await s.runDue(TEAM, "kpi", clock.now());
    expect(kpi).toMatchObject({ ran: true, status: "done", periodKey: "2027-02-01" });
    const run = await findRun({ teamId: TEAM, job: "kpi", periodKey: "2027-02-01" });
    expect(run?.summary).toMatchObject({
      weeks: ["2027-W04", "2027-W05"],
      factsWeek: "2027-W04",
      dashboards: 3,
    });
    const w04 = await KpiSnapshotModel.findById(`${TEAM}|2027-W04`).lean();
    expect(w04?.values).toHaveProperty("onTimeDelivery");
    expect((await loadDigestFacts(TEAM, "2027-W04"))?.production.period).toBe("2027-01");
    expect(
      h()
        .standIn.callsOf("views.publish")
        .map((c) => c.args.user_id)
        .sort(),
    ).toEqual(["U0CEO", "U0CFO", "U0LEAD"]);

    clock.set("2027-02-01T07:00:05Z"); // 08:00:05 Berlin
    expect(await s.runDue(TEAM, "digest", clock.now())).toMatchObject({ ran: true, status: "done" });
    const [digest] = h()
      .standIn.messagesIn("C0EXEC")
      .filter((m) => m.blocks);
    const otd = (w04!.values as { onTimeDelivery: number | null }).onTimeDelivery;
    expect(otd).not.toBeNull();
    expect(JSON.stringify(digest!.blocks)).toContain(`*${Number((otd! * 100).toFixed(1))} %*`);
    expect(h().standIn.files.size).toBe(3);

    // tickJobs (what the demo calls): at 09:00:30 only the reminders are new; nothing runs twice.
    clock.set("2027-02-01T08:00:30Z");
    const outcomes = await tickJobs(client, deps, clock.now());
    expect(outcomes.filter((o) => o.ran).map((o) => o.job)).toEqual(["reminders"]);
    expect(
      outcomes
        .filter((o) => !o.ran)
        .map((o) => o.job)
        .sort(),
    ).toEqual(["digest", "kpi"]);
  });
});
