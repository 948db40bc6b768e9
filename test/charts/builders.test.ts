import { describe, expect, it } from "vitest";
import {
  type ChartSpec,
  capacityUtilizationChart,
  KPI_WEEKS,
  kpiTrendChart,
  MAX_FAMILIES,
  MAX_FAMILY_LABEL,
  OKABE_ITO,
  planVsActualChart,
} from "../../src/charts/index.ts";
import { weekLabels } from "../../src/charts/kpi-trend.ts";
import { CAPACITY_SAMPLE, KPI_SAMPLE, PLAN_VS_ACTUAL_SAMPLE, WEEKS } from "./fixtures.ts";

// Loose views of the config: the tests read it the way QuickChart does, as plain data.
type Dataset = {
  type?: string;
  label: string;
  data: unknown[];
  borderColor?: string;
  backgroundColor?: string;
  borderDash?: number[];
  yAxisID?: string;
};
type Scale = { title?: { text?: string }; ticks?: { format?: Intl.NumberFormatOptions }; display?: boolean };

const datasets = (spec: ChartSpec) => spec.config.data.datasets as unknown as Dataset[];
const labels = (spec: ChartSpec) => spec.config.data.labels as unknown[];
const scale = (spec: ChartSpec, id: string) =>
  (spec.config.options?.scales as Record<string, Scale> | undefined)?.[id];
const plugins = (spec: ChartSpec) =>
  spec.config.options?.plugins as { title: { text: string }; subtitle?: { text: string } };
const OKABE = new Set<string>(Object.values(OKABE_ITO));

describe.each([
  ["kpi-trend", kpiTrendChart(KPI_SAMPLE)],
  ["plan-vs-actual", planVsActualChart(PLAN_VS_ACTUAL_SAMPLE)],
  ["capacity-utilization", capacityUtilizationChart(CAPACITY_SAMPLE)],
])("%s spec", (kind, spec) => {
  it("has a stable id, the title, and Slack's preview size at 2×", () => {
    expect(spec.id.startsWith(`${kind}-`)).toBe(true);
    expect(spec.id).toMatch(/^[a-z0-9-]+$/);
    expect(plugins(spec).title.text).toBe(spec.title);
    expect([spec.width, spec.height, spec.devicePixelRatio]).toEqual([800, 450, 2]);
  });

  it("is plain data (survives JSON, so QuickChart gets exactly what renderPng draws)", () => {
    expect(JSON.parse(JSON.stringify(spec.config))).toEqual(spec.config);
    expect(spec.config.options).toMatchObject({ responsive: false, animation: false });
  });

  it("colours data with the Okabe–Ito palette", () => {
    for (const d of datasets(spec)) {
      if (d.yAxisID === "yReference" || d.label.startsWith("Target")) continue; // neutral reference ink
      expect(OKABE.has(d.borderColor ?? d.backgroundColor ?? ""), d.label).toBe(true);
    }
  });
});

describe("kpiTrendChart", () => {
  const spec = kpiTrendChart(KPI_SAMPLE);

  it("draws one line per series plus one dashed, flat target line per target", () => {
    const ds = datasets(spec);
    expect(ds.map((d) => d.label)).toEqual([
      "OTIF",
      "Fill rate",
      "OTIF target (95%)",
      "Fill rate target (98%)",
    ]);
    const [otif, fill, otifTarget, fillTarget] = ds;
    expect(otif?.borderDash).toBeUndefined();
    expect(otifTarget?.borderDash?.length).toBe(2);
    expect(otifTarget?.data).toEqual(WEEKS.map(() => 0.95));
    expect(otifTarget?.borderColor).toBe(otif?.borderColor); // matched to its series
    expect(fillTarget?.borderColor).toBe(fill?.borderColor);
    expect(otif?.borderColor).not.toBe(fill?.borderColor);
  });

  it("keeps nulls as gaps (no spanGaps)", () => {
    const [otif] = datasets(spec);
    expect(otif?.data[2]).toBeNull();
    expect(otif?.data[7]).toBeNull();
    expect((otif as { spanGaps?: boolean }).spanGaps).toBe(false);
  });

  it("labels the value axis with its unit and formats percent ticks", () => {
    expect(scale(spec, "y")?.title?.text).toBe("Percent");
    expect(scale(spec, "y")?.ticks?.format?.style).toBe("percent");
    expect(scale(spec, "x")?.title?.text).toBe("ISO week");
    const days = kpiTrendChart({ ...KPI_SAMPLE, unit: "days", series: [{ label: "DIO", values: [3, 4] }] });
    expect(scale(days, "y")?.title?.text).toBe("Days");
    expect(scale(days, "y")?.ticks?.format?.style).toBeUndefined();
  });

  it("uses a neutral target line labelled 'Target' when there is a single series", () => {
    const one = kpiTrendChart({
      ...KPI_SAMPLE,
      unit: "days",
      series: [{ label: "DIO", values: [3, 4], target: 2.5 }],
    });
    const target = datasets(one)[1];
    expect(target?.label).toBe("Target (2.5 days)");
    expect(OKABE.has(target?.borderColor ?? "")).toBe(false);
  });

  it("keeps only the last 12 weeks, with the values that belong to them", () => {
    const weeks = ["2025-W43", "2025-W44", ...WEEKS];
    const values = weeks.map((_, i) => i);
    const long = kpiTrendChart({ title: "x", unit: "number", weeks, series: [{ label: "n", values }] });
    expect(labels(long)).toHaveLength(KPI_WEEKS);
    expect(datasets(long)[0]?.data).toEqual(values.slice(2));
  });

  it("pads a short series with gaps and turns NaN into a gap", () => {
    const s = kpiTrendChart({
      title: "x",
      unit: "number",
      weeks: WEEKS,
      series: [{ label: "n", values: [1, Number.NaN] }],
    });
    expect(datasets(s)[0]?.data).toEqual([1, ...new Array(11).fill(null)]);
  });

  it("shortens week labels and shows the year where it starts or changes", () => {
    expect(weekLabels(["2025-W52", "2026-W01", "2026-W02", "garbage"])).toEqual([
      ["W52", "2025"],
      ["W01", "2026"],
      "W02",
      "garbage",
    ]);
  });
});

describe("planVsActualChart", () => {
  it("draws plan and actual as grouped horizontal bars", () => {
    const spec = planVsActualChart(PLAN_VS_ACTUAL_SAMPLE);
    expect(spec.config.type).toBe("bar");
    expect(spec.config.options?.indexAxis).toBe("y");
    expect(datasets(spec).map((d) => d.label)).toEqual(["Plan", "Actual"]);
    expect(datasets(spec)[0]?.data).toEqual(PLAN_VS_ACTUAL_SAMPLE.plan);
    expect(scale(spec, "x")?.title?.text).toBe("Volume (cases)");
    expect(plugins(spec).subtitle?.text).toBe("Top 15 of 5,000 families");
  });

  it("caps at 15 families and truncates long names with an ellipsis", () => {
    const families = Array.from(
      { length: 40 },
      (_, i) => `Family ${i} with a really quite long descriptive name`,
    );
    const spec = planVsActualChart({
      title: "Plan vs actual",
      families,
      plan: families.map(() => 1),
      actual: families.map(() => 2),
    });
    const shown = labels(spec) as string[];
    expect(shown).toHaveLength(MAX_FAMILIES);
    for (const l of shown) {
      expect(Array.from(l).length).toBeLessThanOrEqual(MAX_FAMILY_LABEL);
      expect(l.endsWith("…")).toBe(true);
    }
    expect(datasets(spec)[0]?.data).toHaveLength(MAX_FAMILIES);
    expect(plugins(spec).subtitle?.text).toBe("Top 15 of 40 families");
  });

  it("leaves a gap for a missing actual instead of shifting bars", () => {
    const spec = planVsActualChart({ title: "p", families: ["A", "B"], plan: [1, 2], actual: [3] });
    expect(datasets(spec)[1]?.data).toEqual([3, null]);
    expect(plugins(spec).subtitle).toBeUndefined();
    expect(scale(spec, "x")?.title?.text).toBe("Volume");
  });
});

describe("capacityUtilizationChart", () => {
  const spec = capacityUtilizationChart({
    title: "Capacity",
    families: ["A", "B", "C", "D"],
    utilization: [0.5, 1, 1.25, Number.NaN],
  });

  it("splits bars at 100 % into two differently coloured datasets", () => {
    const [within, over] = datasets(spec);
    expect(within?.data).toEqual([0.5, 1, null, null]);
    expect(over?.data).toEqual([null, null, 1.25, null]);
    expect(within?.backgroundColor).not.toBe(over?.backgroundColor);
  });

  it("draws a dashed 100 % line spanning the plot on a hidden 0–1 axis", () => {
    const ref = datasets(spec)[2];
    expect(ref?.type).toBe("line");
    expect(ref?.borderDash?.length).toBe(2);
    expect(ref?.data).toEqual([
      { x: 1, y: 0 },
      { x: 1, y: 1 },
    ]);
    expect(scale(spec, "yReference")).toMatchObject({ display: false, min: 0, max: 1, axis: "y" });
  });

  it("shows percent ticks and room past 100 %", () => {
    expect(scale(spec, "x")?.ticks?.format?.style).toBe("percent");
    expect(scale(spec, "x")).toMatchObject({ min: 0, suggestedMax: 1.1 });
    expect(scale(spec, "x")?.title?.text).toBe("Utilization (% of capacity)");
  });
});
