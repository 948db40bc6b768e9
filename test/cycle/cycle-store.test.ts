/**
 * The event log is the truth: a crash between committing an event and refreshing the snapshot, or a stale
 * snapshot written late, never loses a transition; an abandoned plan version is taken over after its lease.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planTransition } from "../../src/cycle/cycle-state.ts";
import { commitEvent, getCycle } from "../../src/cycle/cycle-store.ts";
import { decidePhase } from "../../src/cycle/decide.ts";
import { listOpenTasks } from "../../src/cycle/open-tasks.ts";
import { isOwner } from "../../src/cycle/roles.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { ABANDONED_AFTER_MS, submitPlan } from "../../src/cycle/submit-plan.ts";
import { CycleModel } from "../../src/db/models/cycle.ts";
import { parsePlanCsv } from "../../src/plans/plan-csv.ts";
import { summarizePlan } from "../../src/plans/plan-summary.ts";
import { commitCycleEvent } from "../../src/store/cycles.ts";
import { insertPlanVersion } from "../../src/store/plan-versions.ts";
import { loadTeamConfig } from "../../src/team/team-config-store.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { configureTeam, planCsv, TEAM } from "./helpers.ts";

const t0 = new Date("2027-01-02T08:00:00Z");

describe("cycle store", () => {
  beforeAll(async () => {
    await connectTestDatabase("cyclestore");
    await configureTeam();
  });
  afterAll(dropTestDatabase);

  it("a committed event whose snapshot write never happened is still applied by every reader", async () => {
    const { cycle } = await startCycle({ teamId: TEAM, period: "2027-01", by: "U0LEAD", at: t0 });
    const planned = planTransition(cycle, {
      action: "submit",
      phase: "data",
      by: "U0ANALYST",
      at: t0,
      version: 1,
    });
    if (!planned.ok) throw new Error("transition must be allowed");
    // The "crash": the event is in the log, the snapshot is not updated.
    expect(await commitCycleEvent(cycle, planned.event)).toBe(true);
    expect((await CycleModel.findById(cycle.id).lean())!.rev).toBe(1);
    const read = (await getCycle(TEAM, "2027-01"))!;
    expect(read.rev).toBe(2);
    expect(read.phases.data!.status).toBe("submitted");
    // The reader repaired the snapshot on the way.
    expect((await CycleModel.findById(cycle.id).lean())!.rev).toBe(2);
    // And a writer working from the old state loses cleanly instead of overwriting.
    expect(await commitEvent(cycle, planned.event)).toBeNull();
  });

  it("an out-of-date snapshot written late does not hide newer transitions", async () => {
    const before = (await getCycle(TEAM, "2027-01"))!;
    await decidePhase({
      teamId: TEAM,
      period: "2027-01",
      phase: "data",
      version: 1,
      by: "U0LEAD",
      at: t0,
      decision: "approve",
    });
    // Simulate a slow writer putting back the snapshot from before the approval.
    await CycleModel.updateOne(
      { _id: before.id },
      { $set: { rev: before.rev, phases: before.phases, events: before.events, status: before.status } },
    );
    const read = (await getCycle(TEAM, "2027-01"))!;
    expect(read.phases.data!.status).toBe("approved");
    expect(read.phases.demand!.status).toBe("open");
    expect(read.events.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it("a plan version left behind by a crashed submission is replaced after its lease, not before", async () => {
    const parsed = parsePlanCsv(planCsv({ families: 1 }), {
      cyclePeriod: "2027-01",
      horizonMonths: 18,
      requireRevenue: false,
      allowCapacity: false,
    });
    if (!parsed.ok) throw new Error("fixture");
    // A crashed attempt stored demand v1 but never committed it.
    await insertPlanVersion({
      teamId: TEAM,
      period: "2027-01",
      phase: "demand",
      version: 1,
      submittedBy: "U0DP",
      submittedAt: t0,
      comment: null,
      source: "cli",
      fileName: null,
      plan: parsed.plan,
      summary: summarizePlan(parsed.plan),
    });
    const soon = new Date(t0.getTime() + 10_000);
    await expect(
      submitPlan({
        teamId: TEAM,
        period: "2027-01",
        phase: "demand",
        by: "U0DP",
        at: soon,
        csv: planCsv({ families: 2 }),
        source: "cli",
      }),
    ).rejects.toThrow(/being stored right now/);
    const later = new Date(t0.getTime() + ABANDONED_AFTER_MS + 1000);
    const r = await submitPlan({
      teamId: TEAM,
      period: "2027-01",
      phase: "demand",
      by: "U0DP",
      at: later,
      csv: planCsv({ families: 2 }),
      source: "cli",
    });
    expect(r.version).toBe(1);
    expect(r.summary.families).toBe(2);
  });

  it("owners and approvers follow the live configuration; tasks list what each person owes", async () => {
    const cycle = (await getCycle(TEAM, "2027-01"))!;
    const cfg = (await loadTeamConfig(TEAM))!;
    expect(isOwner(cfg, cycle, "supply", "U0SP")).toBe(true);
    const reassigned = {
      ...cfg,
      phases: cfg.phases.map((p) => (p.id === "supply" ? { ...p, owners: ["U0SP2"] } : p)),
    };
    expect(isOwner(reassigned, cycle, "supply", "U0SP")).toBe(false);
    expect(isOwner(reassigned, cycle, "supply", "U0SP2")).toBe(true);
    // A phase gone from the configuration keeps the people it started with.
    const without = { ...cfg, phases: cfg.phases.filter((p) => p.id !== "supply") };
    expect(isOwner(without, cycle, "supply", "U0SP")).toBe(true);

    const sales = await listOpenTasks(TEAM, "U0SALES", t0);
    expect(sales.tasks).toMatchObject([{ kind: "approve", period: "2027-01", phase: "demand", version: 1 }]);
    expect((await listOpenTasks(TEAM, "U0DP", t0)).tasks).toEqual([]);
    expect((await listOpenTasks("T0NOBODY", "U0DP", t0)).cfg).toBeNull();
  });
});
