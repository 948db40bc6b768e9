import { describe, expect, it } from "vitest";
import { forecastValueAdded, fvaRows, wmapeAccuracy } from "../../src/forecast/fva.ts";

describe("forecast value added against hand-computed values", () => {
  const baseline = [
    { family: "A", period: "2027-01", quantity: 90 },
    { family: "A", period: "2027-02", quantity: 260 },
    { family: "B", period: "2027-01", quantity: 50 },
  ];
  const consensus = [
    { family: "A", period: "2027-01", quantity: 110 },
    { family: "A", period: "2027-02", quantity: 210 },
    { family: "B", period: "2027-01", quantity: 80 },
  ];
  const actuals = [
    { family: "A", period: "2027-01", actual: 100 },
    { family: "A", period: "2027-02", actual: 200 },
    { family: "B", period: "2027-01", actual: 50 },
    { family: "Z", period: "2027-01", actual: 999 }, // in neither plan: not compared
  ];

  it("compares family-months with an actual and a line in either plan", () => {
    const rows = fvaRows(baseline, consensus, actuals);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({ family: "A", period: "2027-01", actual: 100, baseline: 90, consensus: 110 });
  });

  it("gives per-family and pooled accuracy and FVA", () => {
    const r = forecastValueAdded(fvaRows(baseline, consensus, actuals));
    const [a, b] = r.families;
    // A: baseline |100−90| + |200−260| = 70 over 300; consensus 10 + 10 = 20 over 300.
    expect(a!.family).toBe("A");
    expect(a!.baselineAccuracy).toBeCloseTo(1 - 70 / 300, 12);
    expect(a!.consensusAccuracy).toBeCloseTo(1 - 20 / 300, 12);
    expect(a!.fva).toBeCloseTo(50 / 300, 12);
    expect(a!.rows).toBe(2);
    expect(a!.actual).toBe(300);
    // B: baseline exact, consensus 30 over 50.
    expect(b!.baselineAccuracy).toBe(1);
    expect(b!.consensusAccuracy).toBeCloseTo(0.4, 12);
    expect(b!.fva).toBeCloseTo(-0.6, 12);
    // Overall, pooled: baseline 70 / 350, consensus 50 / 350.
    expect(r.overall.baselineAccuracy).toBeCloseTo(0.8, 12);
    expect(r.overall.consensusAccuracy).toBeCloseTo(1 - 50 / 350, 12);
    expect(r.overall.fva).toBeCloseTo(20 / 350, 12);
    expect(r.overall.rows).toBe(3);
  });

  it("counts a line missing from one plan as a forecast of 0", () => {
    const rows = fvaRows(
      [{ family: "A", period: "2027-01", quantity: 100 }],
      [
        { family: "A", period: "2027-01", quantity: 100 },
        { family: "N", period: "2027-01", quantity: 40 },
      ],
      [
        { family: "A", period: "2027-01", actual: 100 },
        { family: "N", period: "2027-01", actual: 50 },
      ],
    );
    expect(rows[1]).toEqual({ family: "N", period: "2027-01", actual: 50, baseline: 0, consensus: 40 });
    const r = forecastValueAdded(rows);
    const n = r.families.find((f) => f.family === "N")!;
    expect(n.baselineAccuracy).toBe(0);
    expect(n.consensusAccuracy).toBeCloseTo(0.8, 12);
    expect(n.fva).toBeCloseTo(0.8, 12);
  });

  it("floors accuracy at 0 and is null without actuals", () => {
    expect(wmapeAccuracy([10], [100])).toBe(0);
    expect(wmapeAccuracy([], [])).toBeNull();
    expect(wmapeAccuracy([0, 0], [5, 5])).toBeNull();
    const empty = forecastValueAdded([]);
    expect(empty.overall).toEqual({
      baselineAccuracy: null,
      consensusAccuracy: null,
      fva: null,
      rows: 0,
      actual: 0,
    });
    expect(empty.families).toEqual([]);
  });
});
