/** `sop forecast`: the baseline becomes the data phase's plan version through the cycle's submission path. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { ensureIndexes } from "../../src/db/connection.ts";
import { PlanVersionModel } from "../../src/db/models/plan-version.ts";
import { planLines } from "../../src/plans/plan-lines.ts";
import { loadPlanVersion } from "../../src/store/plan-versions.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { insertDemand, months, PERIOD, run, setUpTeam, startTestCycle, TEAM } from "./fixtures.ts";

describe("sop forecast", () => {
  beforeAll(async () => {
    await connectTestDatabase("fcli");
    await ensureIndexes();
    await setUpTeam({ families: ["A", "B", "NEW"] });
    await startTestCycle();
    await insertDemand(TEAM, [
      ...months("A", PERIOD, 24, () => 100),
      ...months("B", PERIOD, 24, (i) => 50 + i), // a trend
      ...months("X", PERIOD, 24, () => 7), // not in the family list
      { family: "A", period: PERIOD, actual: 5 }, // the cycle month itself: not history
    ]);
    // Another workspace's data must not leak in.
    await insertDemand(
      "T0OTHER",
      months("A", PERIOD, 24, () => 100_000),
    );
  });
  afterAll(dropTestDatabase);

  it("refuses bad usage with exit 2 and stores nothing", async () => {
    expect((await run(["forecast", "--team", TEAM])).code).toBe(2);
    const bad = await run(["forecast", "--team", TEAM, "--period", "2027-13"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--period must be a month");
    expect(await PlanVersionModel.countDocuments({})).toBe(0);
  });

  it("refuses a user who does not own the data phase, naming the owners", async () => {
    const r = await run(["forecast", "--team", TEAM, "--period", PERIOD, "--user", "U0DP"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Only the owners of Data gathering");
    expect(r.stderr).toContain("@U0ANALYST");
    expect(r.stderr).not.toContain("<@");
    expect(await PlanVersionModel.countDocuments({})).toBe(0);
  });

  it("refuses a cycle that was not started", async () => {
    const r = await run(["forecast", "--team", TEAM, "--period", "2027-02", "--user", "U0ANALYST"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("There is no S&OP cycle for 2027-02");
  });

  it("submits the baseline as data v1, recorded as the given user", async () => {
    const r = await run(["forecast", "--team", TEAM, "--period", PERIOD, "--user", "U0ANALYST"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      team: TEAM,
      period: PERIOD,
      phase: "data",
      version: 1,
      submittedBy: "U0ANALYST",
      families: 2,
      lines: 6,
      skipped: ["NEW"],
      historyFrom: "2025-01",
      historyTo: "2026-12",
    });
    const cycle = await getCycle(TEAM, PERIOD);
    expect(cycle!.phases.data).toMatchObject({ status: "submitted", version: 1, submittedBy: "U0ANALYST" });
    const plan = await loadPlanVersion(TEAM, PERIOD, "data", 1);
    expect(plan!.source).toBe("cli");
    const lines = planLines(plan!);
    expect(lines.filter((l) => l.family === "A")).toEqual([
      { family: "A", period: "2027-01", quantity: 100 },
      { family: "A", period: "2027-02", quantity: 100 },
      { family: "A", period: "2027-03", quantity: 100 },
    ]);
    // B rose by 1 a month to 73 in 2026-12: the baseline carries the trend on.
    const b = lines.filter((l) => l.family === "B").map((l) => l.quantity);
    expect(b[0]).toBeGreaterThanOrEqual(73);
    expect(b[2]).toBeGreaterThan(b[0]!);
    expect(out.total).toBe(300 + b.reduce((s, v) => s + v, 0));
  });

  it("does not submit again while v1 awaits sign-off", async () => {
    const r = await run(["forecast", "--team", TEAM, "--period", PERIOD, "--user", "U0ANALYST"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("waiting for sign-off");
    expect(await PlanVersionModel.countDocuments({ teamId: TEAM })).toBe(1);
  });
});

describe("sop forecast without --user and without history", () => {
  beforeAll(async () => {
    await connectTestDatabase("fcli2");
    await ensureIndexes();
    await setUpTeam();
    await startTestCycle();
  });
  afterAll(dropTestDatabase);

  it("says there is no history to forecast from", async () => {
    const r = await run(["forecast", "--team", TEAM, "--period", PERIOD]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no demand history before 2027-01");
    expect(await PlanVersionModel.countDocuments({})).toBe(0);
  });

  it("records the data phase's first owner when --user is left out", async () => {
    await insertDemand(TEAM, [
      { family: "W", period: "2026-W48", actual: 70 }, // Mon 23 Nov: November is partial
      ...["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"].map((period) => ({
        family: "W",
        period,
        actual: 70,
      })),
    ]);
    const r = await run(["forecast", "--team", TEAM, "--period", PERIOD]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      submittedBy: "U0ANALYST",
      families: 1,
      historyFrom: "2026-12",
    });
    const lines = planLines((await loadPlanVersion(TEAM, PERIOD, "data", 1))!);
    // December 2026 = 31 days of 10 a day (W49 … W53 cover 30 Nov – 3 Jan); one observed month → flat.
    expect(lines.map((l) => l.quantity)).toEqual([310, 310, 310]);
  });
});
