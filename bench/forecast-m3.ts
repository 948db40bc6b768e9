/**
 * M3 benchmark of the baseline forecaster: `npx tsx bench/forecast-m3.ts [path] [--season M]`.
 * Trains on the first N − NF values of each series, forecasts NF steps and prints sMAPE and MASE
 * overall and by category for ours, seasonal naive and classic Theta, computed in the same run.
 */
import { cpus } from "node:os";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ForecastOptions, forecastWithInfo } from "../src/forecast/forecast.ts";
import { readM3File } from "../src/forecast/m3.ts";
import { mase, smape } from "../src/forecast/metrics.ts";

const args = process.argv.slice(2);
let season = 12;
const positional: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--season") season = Number(args[++i]);
  else positional.push(args[i]!);
}
// Default relative to this file, so the bench runs from any working directory.
const path = positional[0]
  ? resolve(positional[0])
  : fileURLToPath(new URL("../../shared/data/m3/M3C_Monthly.csv", import.meta.url));

type Name = "ours" | "theta" | "snaive";
const NAMES: Name[] = ["ours", "theta", "snaive"];
const OPTS: Record<Name, Partial<ForecastOptions>> = {
  ours: {},
  // The references are run as published: no flooring at zero.
  theta: { method: "theta", nonNegative: false },
  snaive: { method: "snaive", nonNegative: false },
};

interface Acc {
  count: number;
  smape: Record<Name, number>;
  mase: Record<Name, number>;
}
const blank = (): Acc => ({
  count: 0,
  smape: { ours: 0, theta: 0, snaive: 0 },
  mase: { ours: 0, theta: 0, snaive: 0 },
});

const tRead = performance.now();
const data = await readM3File(path);
const readMs = performance.now() - tRead;
const byCat = new Map<string, Acc>();
const all = blank();
const ms: Record<Name, number> = { ours: 0, theta: 0, snaive: 0 };
const weightSums = new Map<string, number>();
const t0 = performance.now();
for (const s of data) {
  const train = s.values.slice(0, s.n - s.nf);
  const test = s.values.slice(s.n - s.nf);
  const acc = byCat.get(s.category) ?? blank();
  byCat.set(s.category, acc);
  acc.count++;
  all.count++;
  for (const name of NAMES) {
    const t = performance.now();
    const r = forecastWithInfo(train, { season, horizon: s.nf, ...OPTS[name] });
    ms[name] += performance.now() - t;
    if (name === "ours") {
      for (const [k, w] of Object.entries(r.weights)) weightSums.set(k, (weightSums.get(k) ?? 0) + w);
    }
    const sm = smape(test, r.forecast);
    const ma = mase(train, test, r.forecast, season);
    for (const a of [acc, all]) {
      a.smape[name] += sm;
      a.mase[name] += ma;
    }
  }
}
const totalMs = performance.now() - t0 + readMs;

const fmt = (v: number) => v.toFixed(3).padStart(8);
const header = `${"category".padEnd(12)}${"series".padStart(7)}  ${"sMAPE ours".padStart(10)}${"Theta".padStart(8)}${"sNaive".padStart(8)}  ${"MASE ours".padStart(10)}${"Theta".padStart(8)}${"sNaive".padStart(8)}`;
const row = (label: string, a: Acc) =>
  `${label.padEnd(12)}${String(a.count).padStart(7)}  ${fmt(a.smape.ours / a.count).padStart(10)}${fmt(a.smape.theta / a.count)}${fmt(a.smape.snaive / a.count)}  ${fmt(a.mase.ours / a.count).padStart(10)}${fmt(a.mase.theta / a.count)}${fmt(a.mase.snaive / a.count)}`;

console.log(`M3 benchmark: ${path}`);
console.log(
  `${data.length} series, season ${season}, horizon NF per row; Node ${process.version}, ${cpus().length} CPUs`,
);
console.log(header);
const order = ["MICRO", "INDUSTRY", "MACRO", "FINANCE", "DEMOGRAPHIC", "OTHER"];
const cats = [...byCat.keys()].sort((a, b) => {
  const ia = order.indexOf(a);
  const ib = order.indexOf(b);
  return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
});
for (const c of cats) console.log(row(c, byCat.get(c)!));
console.log(row("ALL", all));
const shares = [...weightSums.entries()]
  .sort((a, b) => b[1] - a[1])
  .map(([k, v]) => `${k} ${((100 * v) / data.length).toFixed(0)}%`)
  .join(", ");
console.log(`ours: hold-out-weighted combination; mean weights ${shares}`);
console.log(
  `wall time, whole set: ${(totalMs / 1000).toFixed(2)} s (read ${readMs.toFixed(0)} ms; ours ${(ms.ours / 1000).toFixed(2)} s, Theta ${(ms.theta / 1000).toFixed(2)} s, sNaive ${(ms.snaive / 1000).toFixed(2)} s)`,
);
const oursAll = all.smape.ours / all.count;
const thetaAll = all.smape.theta / all.count;
console.log(
  `ours sMAPE ${oursAll.toFixed(3)} vs published Theta 13.85: ${oursAll < 13.85 ? "better" : "NOT better"}; vs Theta in this run ${thetaAll.toFixed(3)}: ${oursAll < thetaAll ? "better" : "NOT better"}`,
);
