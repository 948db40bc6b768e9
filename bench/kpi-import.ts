/**
 * Actuals import and KPI engine at full size (5,000 families × 104 ISO weeks of demand and production,
 * 200,000 orders, inventory every 4th week: 1.37 M rows), on the local FerretDB, side by side with
 * DuckDB reading the same CSV files from disk (bench/kpi-duckdb.ts). Ratios are taken within one run:
 *   (a) full KPI recompute vs DuckDB loading the four CSVs and computing the nine KPIs (≤ 3×), order
 *       DuckDB, ours, ours, DuckDB;
 *   (b) a 28-day window (≤ 0.5 s), median of 5;
 *   (c) import of all four files vs DuckDB's load of the same files into tables (≤ 5×), DuckDB before and
 *       after ours, against their mean;
 *   (d) re-import of the 200,000 orders unchanged (≤ 3 s);
 *   (e) peak RSS of each phase, and the full recompute again in a child process whose V8 heap is capped
 *       at 64 MB (it only finishes if memory stays bounded).
 * Values: ours must equal, bit for bit, what the previous engine computed — the same accumulators fed
 * the rows in the order it streamed them (file order) — and DuckDB's within 1e-9 (its float sums run
 * in parallel, so their last digits vary from run to run). Also timed (median of 5): `/sop kpi` of the
 * last month and the digest's facts pass. It provisions its own database (ephemeral) unless MONGODB_URI is set.
 *
 *   NODE_OPTIONS=--expose-gc npx tsx bench/kpi-import.ts [--families 5000 --weeks 104 --orders 200000 --inventory-every 4]
 */
import { spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import team from "../examples/team.json" with { type: "json" };
import { importActuals } from "../src/actuals/import-actuals.ts";
import { ACTUALS_KINDS, type ActualsKind } from "../src/actuals/kinds.ts";
import { readActuals } from "../src/actuals/read-actuals.ts";
import { connectDatabase, disconnectDatabase } from "../src/db/connection.ts";
import { provisionDatabase, withDatabase } from "../src/db/provision.ts";
import { computeDigestFacts } from "../src/digest/family-facts.ts";
import { KpiAccumulator } from "../src/kpi/accumulators.ts";
import { computeKpis } from "../src/kpi/compute-kpis.ts";
import type { KpiValues, KpiWindow } from "../src/kpi/kpi-values.ts";
import { periodReport } from "../src/kpi/period-report.ts";
import { createLogger } from "../src/logger.ts";
import { TeamConfigSchema } from "../src/team/team-config.ts";
import { addDays } from "../src/time/dates.ts";
import { isoWeekMonday, isoWeekOf, isoWeekSunday } from "../src/time/iso-week.ts";
import { fullWindow, writeDataSet } from "./kpi-data.ts";
import { duckDbKpis, loadCsvTables, openDuckDb } from "./kpi-duckdb.ts";

const args = process.argv.slice(2);
const TEAM = "T0BENCH";
const mb = (b: number) => Math.round(b / 1048576);

if (args[0] === "--kpi-child") {
  // Child mode: one full recompute against the database, under a small heap cap.
  const [, uri, from, to] = args;
  await connectDatabase(uri!);
  let peakRss = 0;
  const t = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const s = performance.now();
  const values = await computeKpis({ teamId: TEAM, from: from!, to: to! });
  const ms = performance.now() - s;
  clearInterval(t);
  await disconnectDatabase();
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), peakRss, values })}\n`);
  process.exit(0);
}

const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const SIZE = {
  families: arg("families", 5000),
  weeks: arg("weeks", 104),
  orders: arg("orders", 200_000),
  inventoryEvery: arg("inventory-every", 4),
};
/** The landed tree's figures at this size (bench/RESULTS-kpi.md, 2026-11-25), one row per document. */
const BEFORE = { recomputeMs: 113_000, windowMs: 114_000, importMs: 56_000, reimportMs: 31_300 };

// ---- peak RSS sampling ----
let peak = 0;
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 25).unref();

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T; peakRssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  peak = process.memoryUsage().rss;
  const s = performance.now();
  const value = await f();
  const ms = performance.now() - s;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, value, peakRssMb: mb(peak) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const flat = (v: KpiValues) => ({
  ...v,
  ...Object.fromEntries(Object.entries(v.cycleTime).map(([k, x]) => [`cycleTime.${k}`, x])),
});

/** KPIs that differ by more than `tol` (relative); null must match null. */
function differences(a: KpiValues, b: KpiValues, tol: number): string[] {
  const fa = flat(a) as Record<string, unknown>;
  const fb = flat(b) as Record<string, unknown>;
  return Object.keys(fa)
    .filter((k) => k !== "cycleTime")
    .filter((k) => {
      const x = fa[k] as number | null;
      const y = fb[k] as number | null;
      if (x === null || y === null) return x !== y;
      return Math.abs(x - y) > tol * Math.max(1, Math.abs(x), Math.abs(y));
    })
    .map((k) => `${k}: ${fa[k]} vs ${fb[k]}`);
}

/** The previous engine's values: the same accumulators fed every row in file order (its stream order). */
async function referenceKpis(files: Record<ActualsKind, string>, windows: KpiWindow[]): Promise<KpiValues[]> {
  const accs = windows.map((w) => new KpiAccumulator(w));
  for (const kind of ACTUALS_KINDS) {
    const { rows } = await readActuals<never>(kind, createReadStream(files[kind]));
    for (const acc of accs) {
      const add = {
        orders: acc.addOrder,
        demand: acc.addDemand,
        production: acc.addProduction,
        inventory: acc.addInventory,
      }[kind].bind(acc);
      for (const r of rows) add(r);
    }
  }
  return accs.map((a) => a.result());
}

async function duckLoad(files: Record<ActualsKind, string>, path = ":memory:") {
  rmSync(path, { force: true });
  const duck = await openDuckDb(path);
  const r = await timed(() => loadCsvTables(duck, files));
  duck.close();
  rmSync(path, { force: true });
  return r.ms;
}

async function duckRecompute(files: Record<ActualsKind, string>, w: KpiWindow) {
  const duck = await openDuckDb();
  const r = await timed(async () => {
    await loadCsvTables(duck, files);
    return duckDbKpis(duck, w.from, w.to);
  });
  const s = performance.now();
  const window = await duckDbKpis(duck, addDays(w.to, -27), w.to);
  const windowMs = performance.now() - s;
  duck.close();
  return { ms: r.ms, values: r.value, window, windowMs };
}

const started = new Date();
const dir = join(tmpdir(), `sop-bench-kpi-${process.pid}`);
mkdirSync(dir, { recursive: true });
console.log(`generating ${JSON.stringify(SIZE)}…`);
const files = writeDataSet(dir, SIZE);
const server = await provisionDatabase({ dataName: `bench-kpi-${process.pid}`, ephemeral: true });
const report: Record<string, unknown> = {
  date: started.toISOString(),
  machine: `${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${mb(totalmem())} MB RAM, Node ${process.version}`,
  loadAverageAtStart: loadavg().map((x) => +x.toFixed(2)),
  database: server.kind,
  size: SIZE,
};
const uri = withDatabase(server.serverUri, "bench_sop");
try {
  await connectDatabase(uri);
  const full = fullWindow(SIZE);
  const last28 = { from: addDays(full.to, -27), to: full.to };
  const [refFull, ref28] = await referenceKpis(files, [full, last28]);

  // (c) import vs DuckDB's load, DuckDB before and after.
  const duckBefore = await duckLoad(files);
  const perKind: Record<string, unknown>[] = [];
  let importMs = 0;
  let importPeak = 0;
  for (const kind of ["demand", "production", "orders", "inventory"] as const) {
    const r = await timed(() => importActuals({ teamId: TEAM, kind, source: createReadStream(files[kind]) }));
    importMs += r.ms;
    importPeak = Math.max(importPeak, r.peakRssMb);
    perKind.push({ kind, rows: r.value.rows, ms: Math.round(r.ms), peakRssMb: r.peakRssMb });
    console.log(perKind.at(-1));
  }
  const duckAfter = await duckLoad(files);
  const duckOnDisk = await duckLoad(files, join(dir, "load.duckdb"));
  const duckLoadMs = (duckBefore + duckAfter) / 2;
  report.import = {
    perKind,
    ms: Math.round(importMs),
    peakRssMb: importPeak,
    duckDbLoadMs: [Math.round(duckBefore), Math.round(duckAfter)],
    duckDbLoadToFileMs: Math.round(duckOnDisk),
    ratio: +(importMs / duckLoadMs).toFixed(2),
    before: BEFORE.importMs,
  };
  console.log("import", report.import);

  // (d) re-import of the same orders: every key exists, nothing changes, nothing is written.
  const again = await timed(() =>
    importActuals({ teamId: TEAM, kind: "orders", source: createReadStream(files.orders) }),
  );
  report.reimportOrders = {
    ms: Math.round(again.ms),
    result: again.value,
    peakRssMb: again.peakRssMb,
    before: BEFORE.reimportMs,
  };
  console.log("re-import orders", report.reimportOrders);

  // (a) full recompute: DuckDB, ours, ours, DuckDB.
  const duck1 = await duckRecompute(files, full);
  const ours1 = await timed(() => computeKpis({ teamId: TEAM, ...full }));
  const ours2 = await timed(() => computeKpis({ teamId: TEAM, ...full }));
  const duck2 = await duckRecompute(files, full);
  const oursMs = (ours1.ms + ours2.ms) / 2;
  const duckMs = (duck1.ms + duck2.ms) / 2;
  report.recompute = {
    window: full,
    oursMs: [Math.round(ours1.ms), Math.round(ours2.ms)],
    duckDbLoadAndKpisMs: [Math.round(duck1.ms), Math.round(duck2.ms)],
    ratio: +(oursMs / duckMs).toFixed(2),
    peakRssMb: Math.max(ours1.peakRssMb, ours2.peakRssMb),
    before: BEFORE.recomputeMs,
    values: ours1.value,
    sameAsPreviousEngine: JSON.stringify(ours1.value) === JSON.stringify(refFull),
    differencesFromPreviousEngine: differences(ours1.value, refFull!, 0),
    differencesFromDuckDb: differences(ours1.value, duck1.values, 1e-9),
  };
  console.log("recompute", report.recompute);

  // (b) the last 28 days.
  const windows: number[] = [];
  let windowValues: KpiValues | null = null;
  for (let i = 0; i < 5; i++) {
    const r = await timed(() => computeKpis({ teamId: TEAM, ...last28 }));
    windows.push(r.ms);
    windowValues = r.value;
  }
  report.window28 = {
    window: last28,
    medianMs: Math.round(median(windows)),
    runsMs: windows.map(Math.round),
    duckDbMs: Math.round(duck1.windowMs),
    before: BEFORE.windowMs,
    sameAsPreviousEngine: JSON.stringify(windowValues) === JSON.stringify(ref28),
    differencesFromDuckDb: differences(windowValues!, duck1.window, 1e-9),
  };
  console.log("28-day window", report.window28);

  // `/sop kpi` of the last month (this month and the same window a week earlier), and the digest facts:
  // median of 5 each (a served app has its code warm; the first run is listed too).
  const clock = { now: () => new Date(`${full.to}T12:00:00Z`) };
  const cfg = TeamConfigSchema.parse({ ...team, team: TEAM });
  const week = isoWeekOf(full.to);
  const kpiRuns: number[] = [];
  const factsRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    kpiRuns.push((await timed(() => periodReport(TEAM, null, full.to.slice(0, 7), clock))).ms);
    factsRuns.push(
      (
        await timed(() =>
          computeDigestFacts(
            TEAM,
            cfg,
            { week, from: isoWeekMonday(week), to: isoWeekSunday(week) },
            createLogger("warn"),
          ),
        )
      ).ms,
    );
  }
  report.sopKpiMonth = { medianMs: Math.round(median(kpiRuns)), runsMs: kpiRuns.map(Math.round) };
  report.digestFacts = { medianMs: Math.round(median(factsRuns)), runsMs: factsRuns.map(Math.round) };
  console.log("/sop kpi month", report.sopKpiMonth, "digest facts", report.digestFacts);

  // (e) the same recompute with a 64 MB heap.
  const child = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=64",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--kpi-child",
      uri,
      full.from,
      full.to,
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  if (child.status !== 0)
    report.cappedHeapRun = { ok: false, status: child.status, stderr: child.stderr.slice(-2000) };
  else {
    const c = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      ms: number;
      peakRss: number;
      values: KpiValues;
    };
    report.cappedHeapRun = {
      ok: true,
      maxOldSpaceMb: 64,
      ms: c.ms,
      peakRssMb: mb(c.peakRss),
      sameValues: JSON.stringify(c.values) === JSON.stringify(ours1.value),
    };
  }
  console.log("capped heap", report.cappedHeapRun);
  report.loadAverageAtEnd = loadavg().map((x) => +x.toFixed(2));
  report.finished = new Date().toISOString();
  console.log(JSON.stringify(report, null, 2));
} finally {
  await disconnectDatabase().catch(() => {});
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
