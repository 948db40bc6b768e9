import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  type ChartSpec,
  capacityUtilizationChart,
  ensureChartFont,
  kpiTrendChart,
  NO_DATA_TEXT,
  planVsActualChart,
  renderPng,
} from "../../src/charts/index.ts";
import { CAPACITY_SAMPLE, KPI_SAMPLE, PLAN_VS_ACTUAL_SAMPLE, WEEKS } from "./fixtures.ts";
import { pixelStats, pngSize } from "./png.ts";

const BENCH_OUT = join(dirname(fileURLToPath(import.meta.url)), "../../bench/out");

const samples: [string, ChartSpec][] = [
  ["kpi-trend", kpiTrendChart(KPI_SAMPLE)],
  ["plan-vs-actual", planVsActualChart(PLAN_VS_ACTUAL_SAMPLE)],
  ["capacity-utilization", capacityUtilizationChart(CAPACITY_SAMPLE)],
];

mkdirSync(BENCH_OUT, { recursive: true });

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("renderPng", () => {
  it("uses the font shipped in node_modules, so text renders without system fonts", () => {
    expect(ensureChartFont()).toMatch(/dejavu-fonts-ttf[/\\]ttf$/);
  });

  it("renders the three digest charts: right size, not blank, white background, distinct", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sop-charts-"));
    const hashes = new Set<string>();
    for (const [name, spec] of samples) {
      const png = await renderPng(spec);
      const file = join(dir, `${name}.png`);
      writeFileSync(file, png);
      // Kept for a human look (bench/out is git-ignored).
      copyFileSync(file, join(BENCH_OUT, `${name}.png`));

      // 800×450 CSS px at device pixel ratio 2.
      expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
      const stats = await pixelStats(png);
      expect(stats.width).toBe(1600);
      expect(stats.height).toBe(900);
      expect(stats.distinctColors, name).toBeGreaterThan(50); // anti-aliased text and several series colours
      expect(stats.inkRatio, name).toBeGreaterThan(0.03);
      expect(stats.inkRatio, name).toBeLessThan(0.6);
      expect(stats.cornerWhite, name).toBe(1);
      expect(stats.darkByBand[0], `${name}: title drawn`).toBeGreaterThan(500);
      expect(stats.darkByBand[7], `${name}: x-axis labels drawn`).toBeGreaterThan(500);
      hashes.add(sha(png));
    }
    expect(hashes.size).toBe(3);
  });

  it("honours the spec's device pixel ratio", async () => {
    const spec = { ...kpiTrendChart(KPI_SAMPLE), devicePixelRatio: 1 };
    expect(pngSize(await renderPng(spec))).toEqual({ width: 800, height: 450 });
    const { devicePixelRatio: _omitted, ...noRatio } = spec;
    expect(pngSize(await renderPng(noRatio))).toEqual({ width: 1600, height: 900 });
  });

  it("is deterministic and leaves the spec untouched", async () => {
    const spec = planVsActualChart(PLAN_VS_ACTUAL_SAMPLE);
    const before = structuredClone(spec);
    const a = await renderPng(spec);
    const b = await renderPng(spec);
    expect(sha(a)).toBe(sha(b));
    expect(spec).toEqual(before);
  });

  it("renders nulls, NaN and a week with no neighbours without throwing", async () => {
    const spec = kpiTrendChart({
      title: "Forecast accuracy",
      unit: "days",
      weeks: WEEKS,
      series: [
        { label: "Lead time", values: [null, 4, null, null, Number.NaN, 5, 6, null, 7, null, null, 3] },
        { label: "All missing", values: WEEKS.map(() => null), target: 5 },
      ],
    });
    const stats = await pixelStats(await renderPng(spec));
    expect(stats.inkRatio).toBeGreaterThan(0.02);
  });

  it.each([
    ["kpi-trend", kpiTrendChart({ title: "OTIF", unit: "percent", weeks: [], series: [] })],
    [
      "kpi-trend-all-null",
      kpiTrendChart({
        title: "OTIF",
        unit: "percent",
        weeks: WEEKS,
        series: [{ label: "OTIF", values: [], target: 0.95 }],
      }),
    ],
    ["plan-vs-actual", planVsActualChart({ title: "Plan vs actual", families: [], plan: [], actual: [] })],
    ["capacity-utilization", capacityUtilizationChart({ title: "Capacity", families: [], utilization: [] })],
  ])("renders an empty %s chart with a 'no data' notice in the middle", async (name, spec) => {
    const subtitle = (spec.config.options?.plugins as { subtitle?: { text?: string } } | undefined)?.subtitle;
    expect(subtitle?.text).toBe(NO_DATA_TEXT);

    const png = await renderPng(spec);
    writeFileSync(join(BENCH_OUT, `empty-${name}.png`), png);
    const stats = await pixelStats(png, 9);
    expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
    expect(stats.darkByBand[0], "title").toBeGreaterThan(300);
    // The notice is the only thing in the middle of the image; no axes, no bars, no legend.
    const middle = (stats.darkByBand[3] ?? 0) + (stats.darkByBand[4] ?? 0);
    expect(middle, "notice").toBeGreaterThan(300);
    expect(
      stats.darkByBand.slice(6).reduce((a, b) => a + b, 0),
      "nothing below",
    ).toBe(0);
  });
});
