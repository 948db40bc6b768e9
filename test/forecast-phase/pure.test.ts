import { describe, expect, it } from "vitest";
import { baselinePlan } from "../../src/forecast/baseline-plan.ts";
import { compareToBaseline } from "../../src/forecast/compare-to-baseline.ts";
import { monthlyActuals, monthlyHistories } from "../../src/forecast/monthly-history.ts";

describe("monthly demand history", () => {
  it("keeps months before the cycle, with NaN for months without data", () => {
    const [x] = monthlyHistories(
      [
        { family: "X", period: "2026-01", actualQty: 100 },
        { family: "X", period: "2026-03", actualQty: 300 },
        { family: "X", period: "2026-05", actualQty: 999 }, // the cycle month: not history
      ],
      "2026-05",
    );
    expect(x!.firstMonth).toBe("2026-01");
    expect(x!.values).toEqual([100, Number.NaN, 300, Number.NaN]);
    expect(x!.observed).toBe(2);
    expect(x!.precision).toBe(0);
  });

  it("spreads weeks over their days and keeps only fully covered months", () => {
    // 2026-W05 = Mon 26 Jan … Sun 1 Feb; W09 = 23 Feb … 1 Mar. February: 1 + 21 + 6 days = 280.
    const weeks = ["2026-W05", "2026-W06", "2026-W07", "2026-W08", "2026-W09"].map((period) => ({
      family: "W",
      period,
      actualQty: 70,
    }));
    const [w] = monthlyHistories(weeks, "2026-04");
    expect(w!.firstMonth).toBe("2026-02"); // January has 6 days: partial, and leading
    expect(w!.values).toHaveLength(2);
    expect(w!.values[0]).toBeCloseTo(280, 9);
    expect(w!.values[1]).toBeNaN(); // March: 1 day covered
    const [m] = monthlyHistories([...weeks, { family: "W", period: "2026-02", actualQty: 500 }], "2026-04");
    expect(m!.values[0]).toBe(500); // a monthly row wins
  });

  it("drops families with no complete month before the cycle", () => {
    expect(monthlyHistories([{ family: "Y", period: "2026-06", actualQty: 5 }], "2026-06")).toEqual([]);
    const [d] = monthlyHistories([{ family: "D", period: "2026-01", actualQty: 2.5 }], "2026-03");
    expect(d!.precision).toBe(1);
  });
});

describe("baseline plan", () => {
  it("forecasts every family over the horizon from the cycle month, floored and rounded", () => {
    const flat = Array.from({ length: 24 }, () => 100);
    const plan = baselinePlan(
      [
        { family: "A", firstMonth: "2025-01", values: flat, observed: 24, precision: 0 },
        { family: "N", firstMonth: "2026-10", values: [-5, -8, -3], observed: 3, precision: 0 },
        { family: "Q", firstMonth: "2026-12", values: [1.234], observed: 1, precision: 2 },
      ],
      { cycleMonth: "2027-01", horizon: 3, families: ["A", "N", "Q", "NEW"] },
    );
    expect(plan.lines.filter((l) => l.family === "A")).toEqual([
      { family: "A", period: "2027-01", quantity: 100 },
      { family: "A", period: "2027-02", quantity: 100 },
      { family: "A", period: "2027-03", quantity: 100 },
    ]);
    expect(plan.lines.filter((l) => l.family === "N").map((l) => l.quantity)).toEqual([0, 0, 0]);
    expect(plan.lines.filter((l) => l.family === "Q").map((l) => l.quantity)).toEqual([1.23, 1.23, 1.23]);
    expect(plan.skipped).toEqual(["NEW"]);
    expect(plan.families.map((f) => [f.family, f.historyMonths, f.total])).toEqual([
      ["A", 24, 300],
      ["N", 3, 0],
      ["Q", 1, 3.69],
    ]);
  });

  it("forecasts only listed families when the team has a list", () => {
    const plan = baselinePlan(
      [{ family: "OLD", firstMonth: "2026-01", values: [1, 2, 3], observed: 3, precision: 0 }],
      { cycleMonth: "2026-04", horizon: 2, families: ["A"] },
    );
    expect(plan.lines).toEqual([]);
    expect(plan.skipped).toEqual(["A"]);
  });

  it("follows a pure seasonal pattern (a year-end peak), months aligned from the cycle month", () => {
    const season = [100, 90, 110, 100, 95, 105, 100, 90, 110, 100, 160, 250];
    const plan = baselinePlan(
      [
        {
          family: "S",
          firstMonth: "2024-01",
          values: [...season, ...season, ...season],
          observed: 36,
          precision: 0,
        },
      ],
      { cycleMonth: "2027-01", horizon: 12, families: undefined },
    );
    const q = plan.lines.map((l) => l.quantity);
    for (let i = 0; i < 12; i++) expect(Math.abs(q[i]! - season[i]!)).toBeLessThanOrEqual(season[i]! * 0.02);
    expect(plan.lines[11]).toMatchObject({ period: "2027-12" });
    expect(plan.families[0]!.seasonal).toBe(true);
  });
});

describe("consensus vs baseline", () => {
  it("totals and ranks the overrides by size", () => {
    const c = compareToBaseline(
      [
        { family: "A", period: "2027-01", quantity: 100 },
        { family: "A", period: "2027-02", quantity: 100 },
        { family: "B", period: "2027-01", quantity: 50 },
      ],
      [
        { family: "A", period: "2027-01", quantity: 120 },
        { family: "A", period: "2027-02", quantity: 100 },
        { family: "B", period: "2027-01", quantity: 40 },
        { family: "C", period: "2027-01", quantity: 30 },
      ],
    );
    expect(c).toMatchObject({
      baselineTotal: 250,
      consensusTotal: 290,
      delta: 40,
      changedLines: 3,
      lines: 4,
    });
    expect(c.relative).toBeCloseTo(0.16, 12);
    expect(c.overrides).toEqual([
      { family: "C", baseline: 0, consensus: 30, delta: 30, relative: null },
      { family: "A", baseline: 200, consensus: 220, delta: 20, relative: 0.1 },
      { family: "B", baseline: 50, consensus: 40, delta: -10, relative: -0.2 },
    ]);
  });

  it("has no overrides when the planners kept the baseline", () => {
    const lines = [{ family: "A", period: "2027-01", quantity: 10 }];
    const c = compareToBaseline(lines, lines);
    expect(c).toMatchObject({ delta: 0, relative: 0, overrides: [], changedLines: 0 });
  });
});

describe("monthly actuals", () => {
  it("lists complete months only, weeks spread by day", () => {
    const rows = [
      { family: "W", period: "2026-W05", actualQty: 70 },
      { family: "W", period: "2026-W06", actualQty: 70 },
      { family: "W", period: "2026-W07", actualQty: 70 },
      { family: "W", period: "2026-W08", actualQty: 70 },
      { family: "W", period: "2026-W09", actualQty: 70 },
      { family: "M", period: "2026-01", actualQty: 5 },
    ];
    const out = monthlyActuals(rows);
    expect(out.map((r) => [r.family, r.period])).toEqual([
      ["M", "2026-01"],
      ["W", "2026-02"],
    ]);
    expect(out[1]!.actual).toBeCloseTo(280, 9);
  });
});
