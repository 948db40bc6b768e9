/**
 * A flagged family's chart for Slack: demand and supply bars, the inventory line and the min/max
 * band, rendered in-process to a PNG that is not blank; the series match the grid.
 */
import { describe, expect, it } from "vitest";
import { familyProjectionChart } from "../../src/charts/family-projection.ts";
import { renderPng } from "../../src/charts/render-png.ts";
import { projectionSeries } from "../../src/report/projection-series.ts";
import { pixelStats, pngSize } from "../charts/png.ts";
import { sampleReport } from "./fixtures.ts";

describe("family projection chart", () => {
  const report = sampleReport();
  const frothers = report.families.find((g) => g.family === "Milk frothers")!;

  it("draws actuals then plans, the projected inventory and the band", () => {
    const s = projectionSeries(frothers, report.months);
    expect(s.demand).toEqual([50, 60, 62, 62, 60, 60, 60]);
    expect(s.supply).toEqual([null, null, null, 70, 50, 0, 80]);
    expect(s.position).toEqual([null, null, null, 8, -2, -62, -42]);
    // Band: min 10 / max 30 days × next month's demand per day (Dec: 60 ÷ 31).
    expect(s.bandMin![3]).toBeCloseTo((10 * 60) / 31, 9);
    expect(s.bandMax![3]).toBeCloseTo((30 * 60) / 31, 9);
    const spec = familyProjectionChart(s, "projected stock-out from 2027-01");
    const labels = (spec.config.data.datasets as { label: string }[]).map((d) => d.label);
    expect(labels).toEqual(["Inventory", "Demand", "Supply", "Min–max days of supply", "Max days of supply"]);
    // The band's two edges are one legend entry.
    expect(spec.legendOmits).toEqual(["Max days of supply"]);
  });

  it("renders to a PNG that is not blank", async () => {
    const png = await renderPng(familyProjectionChart(projectionSeries(frothers, report.months)));
    expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
    const stats = await pixelStats(png);
    expect(stats.inkRatio).toBeGreaterThan(0.05);
    expect(stats.distinctColors).toBeGreaterThan(20);
    expect(stats.darkByBand.filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
  });
});
