import { describe, expect, it } from "vitest";
import { csvText, GAP_CSV_COLUMNS, gapReportCsv } from "../../src/gaps/gap-csv.ts";
import { type GapPlanLine, gapReport } from "../../src/gaps/gap-report.ts";

const thresholds = { supplyVsDemand: 0.1, capacity: 1, revenueVsPlan: 0.05 };

const demand: GapPlanLine[] = [
  { family: "A", period: "2027-01", quantity: 100 },
  { family: "A", period: "2027-02", quantity: 200 },
  { family: "B", period: "2027-01", quantity: 50 },
  { family: "C", period: "2027-01", quantity: 10 },
];
const supply: GapPlanLine[] = [
  { family: "A", period: "2027-01", quantity: 105, capacity: 100 },
  { family: "A", period: "2027-02", quantity: 150, capacity: 200 },
  { family: "C", period: "2027-01", quantity: 10, capacity: 0 },
];
const finance: GapPlanLine[] = [
  { family: "A", period: "2027-01", quantity: 100, revenue: 1000 },
  { family: "A", period: "2027-02", quantity: 180, revenue: 1800 },
  { family: "B", period: "2027-02", quantity: 10, revenue: 300 },
];

describe("gapReport against hand-computed values", () => {
  const report = gapReport({ demand, supply, finance }, thresholds);
  const row = (family: string, period: string) =>
    report.rows.find((r) => r.family === family && r.period === period)!;

  it("computes supply − demand, utilisation and the revenue gap per family-month", () => {
    const a1 = row("A", "2027-01");
    expect(a1).toMatchObject({ demand: 100, supply: 105, supplyMinusDemand: 5, capacity: 100 });
    expect(a1.supplyVsDemand).toBeCloseTo(0.05, 12);
    expect(a1.utilization).toBeCloseTo(1.05, 12);
    expect(a1).toMatchObject({ price: 10, priceSource: "month", demandRevenue: 1000, revenueGap: 0 });
    expect(a1.revenueVsPlan).toBe(0);
    expect(a1.flags).toEqual(["capacity"]);
    expect(a1.severity).toBeCloseTo(1.05, 12);

    const a2 = row("A", "2027-02");
    expect(a2).toMatchObject({ supplyMinusDemand: -50, supplyVsDemand: -0.25, utilization: 0.75 });
    expect(a2).toMatchObject({ financeQuantity: 180, financeRevenue: 1800, price: 10, demandRevenue: 2000 });
    expect(a2.revenueGap).toBe(200);
    expect(a2.revenueVsPlan).toBeCloseTo(200 / 1800, 12);
    expect(a2.flags).toEqual(["supplyVsDemand", "revenueVsPlan"]);
    expect(a2.severity).toBeCloseTo(2.5, 12); // 0.25 / 0.1
  });

  it("counts a family-month missing from an existing plan as 0 and falls back to the family price", () => {
    const b1 = row("B", "2027-01");
    expect(b1).toMatchObject({ demand: 50, supply: 0, supplyMinusDemand: -50, supplyVsDemand: -1 });
    expect(b1).toMatchObject({ capacity: null, utilization: null });
    // No finance line for B/2027-01: price from B's whole finance plan (300 / 10 = 30), finance revenue 0.
    expect(b1).toMatchObject({ financeQuantity: 0, financeRevenue: 0, price: 30, priceSource: "family" });
    expect(b1).toMatchObject({ demandRevenue: 1500, revenueGap: 1500, revenueVsPlan: null });
    expect(b1.flags).toEqual(["supplyVsDemand", "revenueVsPlan"]);
    expect(b1.severity).toBe(Number.POSITIVE_INFINITY);

    const b2 = row("B", "2027-02");
    expect(b2).toMatchObject({ demand: 0, supply: 0, supplyMinusDemand: 0, supplyVsDemand: null });
    expect(b2).toMatchObject({ price: 30, priceSource: "month", demandRevenue: 0, revenueGap: -300 });
    expect(b2.revenueVsPlan).toBe(-1);
    expect(b2.flags).toEqual(["revenueVsPlan"]);
    expect(b2.severity).toBeCloseTo(20, 12); // 1 / 0.05
  });

  it("flags zero capacity with supply, and demand finance never priced", () => {
    const c1 = row("C", "2027-01");
    expect(c1).toMatchObject({ supplyMinusDemand: 0, supplyVsDemand: 0, capacity: 0, utilization: null });
    expect(c1).toMatchObject({ price: null, priceSource: null, demandRevenue: null, revenueGap: null });
    expect(c1.flags).toEqual(["capacity", "revenueVsPlan"]);
  });

  it("sorts flagged rows first, the worst first, and totals the plans", () => {
    expect(report.rows.map((r) => `${r.family} ${r.period}`)).toEqual([
      "B 2027-01", // ∞, |s − d| = 50
      "C 2027-01", // ∞, |s − d| = 0
      "B 2027-02", // 20
      "A 2027-02", // 2.5
      "A 2027-01", // 1.05
    ]);
    expect(report.flagged).toBe(5);
    expect(report.missing).toEqual([]);
    expect(report.totals).toEqual({ demand: 360, supply: 265, financeRevenue: 3100, demandRevenue: 4500 });
  });

  it("skips the checks of a missing plan and says so", () => {
    const r = gapReport({ demand, supply, finance: null }, thresholds);
    expect(r.missing).toEqual(["finance"]);
    const a2 = r.rows.find((x) => x.family === "A" && x.period === "2027-02")!;
    expect(a2).toMatchObject({
      financeQuantity: null,
      financeRevenue: null,
      price: null,
      revenueVsPlan: null,
    });
    expect(a2.flags).toEqual(["supplyVsDemand"]);
    expect(r.totals.financeRevenue).toBeNull();
    expect(r.totals.demandRevenue).toBeNull();
    const onlyDemand = gapReport({ demand, supply: null, finance: null }, thresholds);
    expect(onlyDemand.missing).toEqual(["supply", "finance"]);
    expect(onlyDemand.flagged).toBe(0);
    expect(onlyDemand.rows.every((x) => x.supplyMinusDemand === null && x.utilization === null)).toBe(true);
  });

  it("flags at or over a threshold, leaves rows under every one unflagged, after the flagged ones", () => {
    const r = gapReport(
      {
        demand: [
          { family: "A", period: "2027-01", quantity: 100 },
          { family: "B", period: "2027-01", quantity: 100 },
          { family: "C", period: "2027-01", quantity: 100 },
        ],
        supply: [
          { family: "A", period: "2027-01", quantity: 109, capacity: 120 }, // 9 %: under
          { family: "B", period: "2027-01", quantity: 110 }, // exactly 10 %: flagged
          { family: "C", period: "2027-01", quantity: 100, capacity: 100 }, // exactly 100 % of capacity
        ],
        finance: null,
      },
      thresholds,
    );
    // Both exactly at their threshold (severity 1): the larger |supply − demand| first.
    expect(r.rows.map((x) => [x.family, x.flags])).toEqual([
      ["B", ["supplyVsDemand"]],
      ["C", ["capacity"]],
      ["A", []],
    ]);
    expect(r.flagged).toBe(2);
    expect(r.shortfall.atCapacity).toEqual([
      { family: "C", period: "2027-01", utilization: 1, supply: 100, capacity: 100 },
    ]);
  });

  it("sums the supply shortfall per family and month, in units and revenue at plan prices", () => {
    // A 2027-02: 200 − 150 = 50 at 10; B 2027-01: 50 − 0 = 50 at 30 (the family price).
    expect(row("A", "2027-02")).toMatchObject({ shortfall: 50, shortfallRevenue: 500 });
    expect(row("A", "2027-01")).toMatchObject({ shortfall: 0, shortfallRevenue: 0 });
    expect(report.shortfall).toMatchObject({ units: 100, revenue: 2000, unpricedUnits: 0, familyMonths: 2 });
    expect(report.shortfall.byFamily).toEqual([
      { family: "A", units: 50, revenue: 500, periods: ["2027-02"] },
      { family: "B", units: 50, revenue: 1500, periods: ["2027-01"] },
    ]);
    expect(report.shortfall.byPeriod).toEqual([
      { period: "2027-01", units: 50, revenue: 1500, families: 1 },
      { period: "2027-02", units: 50, revenue: 500, families: 1 },
    ]);
    // Supply on zero capacity first (no ratio), then 105 %.
    expect(report.shortfall.atCapacity.map((c) => `${c.family} ${c.period}`)).toEqual([
      "C 2027-01",
      "A 2027-01",
    ]);
    // Without prices the units are still counted, apart.
    const unpriced = gapReport({ demand, supply, finance: null }, thresholds).shortfall;
    expect(unpriced).toMatchObject({ units: 100, revenue: null, unpricedUnits: 100 });
  });

  it("treats a zero threshold as 'any gap is over'", () => {
    const r = gapReport(
      {
        demand: [{ family: "A", period: "2027-01", quantity: 100 }],
        supply: [{ family: "A", period: "2027-01", quantity: 101 }],
        finance: null,
      },
      { supplyVsDemand: 0, capacity: 1, revenueVsPlan: 0 },
    );
    expect(r.rows[0]!.flags).toEqual(["supplyVsDemand"]);
  });
});

describe("gap report CSV", () => {
  it("writes every row with plain-fraction ratios and empty cells for n/a", () => {
    const csv = gapReportCsv(gapReport({ demand, supply, finance }, thresholds));
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe(GAP_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(6);
    expect(lines[1]).toBe(
      "B,2027-01,50,0,-50,-1,50,1500,,,0,0,30,family,1500,1500,,supplyVsDemand revenueVsPlan",
    );
    expect(lines[4]).toBe(
      "A,2027-02,200,150,-50,-0.25,50,500,200,0.75,180,1800,10,month,2000,200,0.111111,supplyVsDemand revenueVsPlan",
    );
  });

  it("quotes separators and defuses spreadsheet formulas in family names", () => {
    expect(csvText("Bikes, road")).toBe('"Bikes, road"');
    expect(csvText('16" wheels')).toBe('"16"" wheels"');
    expect(csvText("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvText("-x")).toBe("'-x");
    expect(csvText("plain")).toBe("plain");
  });
});
