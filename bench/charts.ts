/**
 * Digest chart cost: in-process PNG (Chart.js on @napi-rs/canvas) vs building the QuickChart URL,
 * for a team with 5,000 families. Selecting the top 15 families out of 5,000 is inside both timings,
 * as it is in the digest. Run: npx tsx bench/charts.ts
 */
import { cpus } from "node:os";
import {
  type ChartSpec,
  capacityUtilizationChart,
  kpiTrendChart,
  MAX_FAMILIES,
  planVsActualChart,
  quickChartUrl,
  renderPng,
  topN,
} from "../src/charts/index.ts";

const FAMILIES = 5000;
const WARMUP = 3;
const REPS = 20;

/** Deterministic PRNG (mulberry32) so every run charts the same team. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Family {
  name: string;
  plan: number;
  actual: number;
  utilization: number;
}

const rand = rng(42);
const families: Family[] = Array.from({ length: FAMILIES }, (_, i) => {
  // Heavy-tailed volumes, like real assortments: a few big families, a long tail.
  const plan = Math.round(1_000_000 * rand() ** 6 + 100);
  return {
    name: `Family ${String(i).padStart(4, "0")} ${["chilled", "frozen", "ambient", "beverages"][i % 4]} range`,
    plan,
    actual: Math.round(plan * (0.8 + 0.4 * rand())),
    utilization: 0.4 + 0.8 * rand(),
  };
});
const weeks = Array.from({ length: 12 }, (_, i) => `2026-W${String(30 + i).padStart(2, "0")}`);
const kpiValues = () => weeks.map(() => (rand() < 0.1 ? null : 0.9 + 0.08 * rand()));
const kpiSeries = [
  { label: "OTIF", values: kpiValues(), target: 0.95 },
  { label: "Fill rate", values: kpiValues(), target: 0.98 },
];

const builders: Record<string, () => ChartSpec> = {
  "kpi-trend": () =>
    kpiTrendChart({ title: "OTIF and fill rate", unit: "percent", weeks, series: kpiSeries }),
  "plan-vs-actual": () => {
    const top = topN(families, MAX_FAMILIES, (f) => f.plan);
    return planVsActualChart({
      title: "Plan vs actual",
      families: top.map((f) => f.name),
      plan: top.map((f) => f.plan),
      actual: top.map((f) => f.actual),
      unit: "cases",
      totalFamilies: families.length,
    });
  },
  "capacity-utilization": () => {
    const top = topN(families, MAX_FAMILIES, (f) => f.plan);
    return capacityUtilizationChart({
      title: "Capacity utilization",
      families: top.map((f) => f.name),
      utilization: top.map((f) => f.utilization),
      totalFamilies: families.length,
    });
  },
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function time<T>(fn: () => T | Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const out = await fn();
  return [performance.now() - t0, out];
}

// The very first render also loads the font and initialises Chart.js: report it on its own.
const firstBuilder = builders["kpi-trend"];
if (!firstBuilder) throw new Error("missing builder");
const [coldMs] = await time(() => renderPng(firstBuilder()));

const [topMs] = await time(() => {
  for (let i = 0; i < 100; i++) topN(families, MAX_FAMILIES, (f) => f.plan);
});

const rows: string[][] = [];
for (const [name, build] of Object.entries(builders)) {
  for (let i = 0; i < WARMUP; i++) {
    await renderPng(build());
    quickChartUrl(build(), "https://quickchart.io");
  }
  const png: number[] = [];
  const url: number[] = [];
  let bytes = 0;
  let chars = 0;
  for (let i = 0; i < REPS; i++) {
    const [p, buf] = await time(() => renderPng(build()));
    const [u, str] = await time(() => quickChartUrl(build(), "https://quickchart.io"));
    png.push(p);
    url.push(u);
    bytes = buf.length;
    chars = str.length;
  }
  const mp = median(png);
  const mu = median(url);
  rows.push([
    name,
    mp.toFixed(1),
    mu.toFixed(3),
    `${Math.round(mp / mu)}×`,
    `${Math.round(bytes / 1024)} KiB`,
    String(chars),
  ]);
}

console.log(
  `families: ${FAMILIES}, top ${MAX_FAMILIES} selected per chart, ${REPS} reps after ${WARMUP} warm-up`,
);
console.log(`machine: ${cpus().length} CPUs, ${cpus()[0]?.model ?? "?"}, node ${process.version}`);
console.log(`first render (font load + Chart.js init): ${coldMs.toFixed(1)} ms`);
console.log(`topN(15 of ${FAMILIES}) alone: ${(topMs / 100).toFixed(3)} ms`);
console.log("");
const header = [
  "chart",
  "PNG in-process (median ms)",
  "QuickChart URL (median ms)",
  "ratio",
  "PNG size",
  "URL chars",
];
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => " --- ").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
