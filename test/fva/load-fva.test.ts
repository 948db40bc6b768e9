/** FVA from the database: actuals vs the approved baseline and consensus of the cycle in force for each month. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decidePhase } from "../../src/cycle/decide.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import { ensureIndexes } from "../../src/db/connection.ts";
import { loadForecastValueAdded } from "../../src/fva/load-fva.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import {
  AT,
  approveBaselineAndConsensus,
  csv,
  insertDemand,
  setUpTeam,
  startTestCycle,
  TEAM,
} from "../forecast-phase/fixtures.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";

describe("loadForecastValueAdded", () => {
  let cfg: TeamConfig;
  beforeAll(async () => {
    await connectTestDatabase("fva");
    await ensureIndexes();
    cfg = await setUpTeam();
    await startTestCycle();
    await approveBaselineAndConsensus(
      [
        ["A", "2027-01", 90],
        ["A", "2027-02", 260],
        ["B", "2027-01", 50],
      ],
      [
        ["A", "2027-01", 110],
        ["A", "2027-02", 210],
        ["B", "2027-01", 80],
      ],
    );
    // February's cycle has a baseline but no approved consensus yet: January's plans stay in force.
    await startCycle({ teamId: TEAM, period: "2027-02", by: "U0LEAD", at: AT });
    await submitPlan({
      teamId: TEAM,
      period: "2027-02",
      phase: "data",
      by: "U0ANALYST",
      at: AT,
      csv: csv("family,period,quantity", [["A", "2027-02", 999]]),
      source: "cli",
    });
    await decidePhase({
      teamId: TEAM,
      period: "2027-02",
      phase: "data",
      version: 1,
      by: "U0LEAD",
      at: AT,
      decision: "approve",
    });
    await insertDemand(TEAM, [
      { family: "A", period: "2027-01", actual: 100 },
      { family: "A", period: "2027-02", actual: 200 },
      { family: "B", period: "2027-01", actual: 50 },
      { family: "Z", period: "2027-01", actual: 999 }, // in neither plan
    ]);
    await insertDemand("T0OTHER", [{ family: "A", period: "2027-01", actual: 1 }]);
  });
  afterAll(dropTestDatabase);

  it("gives hand-computed accuracy and FVA per family and overall", async () => {
    const r = await loadForecastValueAdded(cfg, { from: "2027-01-01", to: "2027-02-28" });
    expect(r.months).toEqual(["2027-01", "2027-02"]);
    expect(r.cycles).toEqual(["2027-01"]);
    expect(r.report.overall.rows).toBe(3);
    expect(r.report.overall.baselineAccuracy).toBeCloseTo(1 - 70 / 350, 12);
    expect(r.report.overall.consensusAccuracy).toBeCloseTo(1 - 50 / 350, 12);
    expect(r.report.overall.fva).toBeCloseTo(20 / 350, 12);
    const b = r.report.families.find((f) => f.family === "B")!;
    expect(b.fva).toBeCloseTo(-0.6, 12);
  });

  it("counts a month in the window by its first day, and filters by family", async () => {
    const feb = await loadForecastValueAdded(cfg, { from: "2027-02-01", to: "2027-02-28" });
    expect(feb.months).toEqual(["2027-02"]);
    expect(feb.report.overall.baselineAccuracy).toBeCloseTo(1 - 60 / 200, 12);
    expect(feb.report.overall.consensusAccuracy).toBeCloseTo(1 - 10 / 200, 12);
    const onlyB = await loadForecastValueAdded(
      cfg,
      { from: "2027-01-01", to: "2027-02-28" },
      { family: "B" },
    );
    expect(onlyB.report.families.map((f) => f.family)).toEqual(["B"]);
    expect(onlyB.report.overall.consensusAccuracy).toBeCloseTo(0.4, 12);
  });

  it("is null without actuals in the window", async () => {
    const r = await loadForecastValueAdded(cfg, { from: "2027-03-01", to: "2027-03-31" });
    expect(r.report.overall.fva).toBeNull();
    expect(r.months).toEqual([]);
  });
});
