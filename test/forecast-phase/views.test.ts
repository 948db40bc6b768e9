/** The forecast-phase Block Kit builders: wording, signs, and Block Kit limits at 5,000 long family names. */
import { describe, expect, it } from "vitest";
import { compareToBaseline } from "../../src/forecast/compare-to-baseline.ts";
import { forecastValueAdded } from "../../src/forecast/fva.ts";
import { gapReport } from "../../src/gaps/gap-report.ts";
import {
  baselineButtonBlocks,
  baselineButtonFor,
  baselineResultMessage,
  decodeBaselineRef,
  encodeBaselineRef,
} from "../../views/baseline-button.ts";
import { baselineComparisonBlocks, baselineComparisonText } from "../../views/baseline-comparison.ts";
import { fvaDigestBlocks, fvaSectionBlocks } from "../../views/fva-section.ts";
import { gapReportBlocks } from "../../views/gap-report.ts";
import { checkBlocks } from "../support/block-kit-limits.ts";

const longName = (i: number) => `${"Family with a very long name <&> ".repeat(3)}${i}`;

describe("baseline comparison line", () => {
  it("says when the planners kept the baseline, and is absent without one", () => {
    const lines = [{ family: "A", period: "2027-01", quantity: 10 }];
    expect(baselineComparisonText(compareToBaseline(lines, lines), 2)).toBe(
      "vs statistical baseline (data v2): no family overridden",
    );
    expect(baselineComparisonBlocks(null)).toEqual([]);
  });

  it("names a family the baseline did not have, and escapes names", () => {
    const text = baselineComparisonText(
      compareToBaseline([], [{ family: "<New & shiny>", period: "2027-01", quantity: 30 }]),
    );
    expect(text).toBe(
      "vs statistical baseline: +30 total, 1 of 1 lines changed; largest overrides: &lt;New &amp; shiny&gt; +30 (not in baseline)",
    );
  });

  it("stays within Block Kit limits for 5,000 overridden families", () => {
    const b = Array.from({ length: 5000 }, (_, i) => ({
      family: longName(i),
      period: "2027-01",
      quantity: 100,
    }));
    const c = b.map((l, i) => ({ ...l, quantity: 100 + i }));
    const blocks = baselineComparisonBlocks(compareToBaseline(b, c), 1);
    expect(checkBlocks(blocks, 50)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("and 4996 more");
  });
});

describe("FVA section", () => {
  it("says no data without actuals; the digest leaves it out", () => {
    const empty = forecastValueAdded([]);
    expect(JSON.stringify(fvaSectionBlocks(empty))).toContain("*Forecast value added*: no data");
    expect(fvaDigestBlocks({ report: empty, months: [] })).toEqual([]);
    expect(fvaDigestBlocks(null)).toEqual([]);
  });

  it("stays within Block Kit limits for 5,000 families", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      family: longName(i),
      period: "2027-01",
      actual: 100,
      baseline: 100 + (i % 7),
      consensus: 100 + (i % 11),
    }));
    const blocks = fvaSectionBlocks(forecastValueAdded(rows), { months: ["2027-01"] });
    expect(checkBlocks(blocks, 50)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("over 2027-01:");
  });
});

describe("gap report blocks", () => {
  const thresholds = { supplyVsDemand: 0.1, capacity: 1, revenueVsPlan: 0.05 };

  it("names plans that were not checked and claims no shortfall it did not check", () => {
    const r = gapReport(
      { demand: [{ family: "A", period: "2027-01", quantity: 10 }], supply: null, finance: null },
      thresholds,
    );
    const text = JSON.stringify(gapReportBlocks(r, { period: "2027-01" }));
    expect(text).toContain("supply vs demand not checked.");
    expect(text).toContain("No family-month over a threshold (of 1 family-month).");
    expect(text).toContain("not checked (no approved plan): supply, finance");
  });

  it("says what is short, where and by how much even when no single row is over a threshold", () => {
    const demand = ["A", "B"].flatMap((family) =>
      ["2027-01", "2027-02", "2027-03"].map((period) => ({ family, period, quantity: 100 })),
    );
    const supply = demand.map((l) => ({
      ...l,
      quantity: l.family === "A" ? 95 : 100,
      capacity: l.family === "B" && l.period === "2027-02" ? 100 : 200,
    }));
    const finance = demand.map((l) => ({ ...l, revenue: 1000 }));
    const r = gapReport({ demand, supply, finance }, thresholds);
    const text = JSON.stringify(gapReportBlocks(r, { period: "2027-01" }));
    expect(text).toContain("supply is *15 units below demand* (≈ 150 in revenue at plan prices)");
    expect(text).toContain("in 3 family-months of 1 family.");
    expect(text).toContain("*A* 15 units short in 2027-01 … 2027-03 ≈ 150");
    expect(text).toContain("1 family-month at or over 100 % of capacity.");
    expect(text).toContain("*B* 2027-02: 100 % of capacity 100");
    expect(text).toContain("1 of 6 family-months over a threshold.");
    // Revenue in the team's currency when it has one.
    const eur = JSON.stringify(
      gapReportBlocks(gapReport({ demand, supply, finance }, thresholds, "EUR"), { period: "2027-01" }),
    );
    expect(eur).toContain("(≈ EUR 150 in revenue at plan prices)");
    expect(eur).toContain("2027-01 … 2027-03 ≈ EUR 150");
  });

  it("shows the five worst of 5,000 flagged families within Block Kit limits", () => {
    const demand = Array.from({ length: 5000 }, (_, i) => ({
      family: longName(i),
      period: "2027-01",
      quantity: 100,
    }));
    const supply = demand.map((l, i) => ({ ...l, quantity: 50 + (i % 40), capacity: 60 }));
    const blocks = gapReportBlocks(gapReport({ demand, supply, finance: null }, thresholds), {
      period: "2027-01",
      csvFileName: "gap-report-2027-01.csv",
    });
    expect(checkBlocks(blocks, 50)).toEqual([]);
    const text = JSON.stringify(blocks);
    expect(text).toContain("5000 of 5,000 family-months over a threshold.");
    // Three lists (short, at capacity, over a threshold), five lines each, the rest counted.
    expect(text.match(/• \*/g)).toHaveLength(15);
    expect(text).toContain("…and 4995 more families short (in the CSV)");
    expect(text).toContain("&lt;&amp;&gt;");
  });
});

describe("baseline button", () => {
  it("round-trips its period and rejects forged values", () => {
    expect(decodeBaselineRef(encodeBaselineRef("2027-01"))).toBe("2027-01");
    for (const bad of [undefined, "", "{", '{"p":"2027-13"}', '{"p":5}', "x".repeat(200)]) {
      expect(decodeBaselineRef(bad)).toBeNull();
    }
  });

  it("appears for the data phase only", () => {
    expect(baselineButtonFor("demand", "2027-01")).toEqual([]);
    expect(baselineButtonFor("data", "2027-01")).toEqual(baselineButtonBlocks("2027-01"));
    expect(checkBlocks(baselineButtonBlocks("2027-01"), 50)).toEqual([]);
  });

  it("summarises the result, listing families left out", () => {
    const m = baselineResultMessage({
      period: "2027-01",
      version: 2,
      families: 1,
      lines: 18,
      total: 1800.5,
      skipped: Array.from({ length: 20 }, (_, i) => `S${i}`),
      historyFrom: "2025-01",
      historyTo: "2026-12",
      horizon: 18,
    });
    expect(m.text).toBe(
      "Statistical baseline submitted as data v2 for 2027-01: 1 family, 18 months, total 1,801.",
    );
    expect(JSON.stringify(m.blocks)).toContain("S14 and 5 more");
    expect(checkBlocks(m.blocks, 50)).toEqual([]);
  });
});
