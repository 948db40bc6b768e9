/**
 * Benchmark of issue #4 (DESIGN §9), ratios taken in one run on one database server:
 *   - CSV import (parse + check every row + existing-key read + insert) vs a bare driver `bulkWrite` of
 *     insertOne ops of the same documents into an empty collection (budget ≤ 1.5×); the bare insert
 *     runs before and after the import (each into a fresh collection) and the ratio is taken against
 *     their mean, so a machine getting busier or quieter during the run does not tilt it;
 *   - a full KPI recompute vs merely streaming the same projected documents (budget ≤ 1.5×), in the
 *     order stream, KPI, KPI, stream (ratio of the sums);
 *   - peak RSS (process.memoryUsage().rss sampled every 25 ms); and, to show the KPI pass is streamed,
 *     the full recompute once more in a child process whose V8 heap is capped at 64 MB (far below the
 *     ~300 MB the documents would take if held).
 * It provisions its own database (ephemeral data dir) unless MONGODB_URI is set.
 *
 *   npx tsx bench/kpi-import.ts [--families 5000 --weeks 104 --orders 200000 --inventory-every 4]
 */
import { spawnSync } from "node:child_process";
import { createReadStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { importActuals } from "../src/actuals/import-actuals.ts";
import { type ActualsKind, KIND_SPECS } from "../src/actuals/kinds.ts";
import { readActuals } from "../src/actuals/read-actuals.ts";
import { connectDatabase, disconnectDatabase } from "../src/db/connection.ts";
import { provisionDatabase, withDatabase } from "../src/db/provision.ts";
import { computeKpis, kpiQueries } from "../src/kpi/compute-kpis.ts";
import { addDays, laterOf } from "../src/time/dates.ts";
import { addWeeks, isoWeekMonday } from "../src/time/iso-week.ts";

const args = process.argv.slice(2);

if (args[0] === "--kpi-child") {
  // Child mode: one full recompute against an existing database, under a small heap cap.
  const [, uri, teamId, from, to] = args;
  await connectDatabase(uri!);
  let peakRss = 0;
  let peakHeapUsed = 0;
  const t = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeapUsed = Math.max(peakHeapUsed, m.heapUsed);
  }, 25);
  const s = performance.now();
  const values = await computeKpis({ teamId: teamId!, from: from!, to: to! });
  const ms = performance.now() - s;
  clearInterval(t);
  await disconnectDatabase();
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), peakRss, peakHeapUsed, values })}\n`);
  process.exit(0);
}
const arg = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const FAMILIES = arg("families", 5000);
const WEEKS = arg("weeks", 104);
const ORDERS = arg("orders", 200_000);
const INVENTORY_EVERY = arg("inventory-every", 4);
const TEAM = "T0BENCH";
const FIRST_WEEK = "2025-W01";

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- peak RSS sampling ----
let peak = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 25);
sampler.unref();
const mb = (b: number) => Math.round(b / 1048576);
function resetPeak(): { rss: number; heap: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  peak = m.rss;
  peakHeap = m.heapUsed;
  return { rss: m.rss, heap: m.heapUsed };
}

interface Timed<T> {
  ms: number;
  value: T;
  peakRss: number;
  rssBefore: number;
  peakHeap: number;
  heapBefore: number;
}

async function timed<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const before = resetPeak();
  const s = performance.now();
  const value = await f();
  const ms = performance.now() - s;
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  return { ms, value, peakRss: peak, rssBefore: before.rss, peakHeap, heapBefore: before.heap };
}

function generate(dir: string): Record<ActualsKind, string> {
  const rnd = prng(42);
  const fam = (i: number) => `Family ${String(i).padStart(5, "0")}`;
  const weeks = Array.from({ length: WEEKS }, (_, w) => addWeeks(FIRST_WEEK, w));
  const demand: string[] = ["period,family,forecast_qty,actual_qty"];
  const production: string[] = ["period,family,planned_qty,actual_qty,capacity_qty"];
  const inventory: string[] = ["date,family,on_hand_qty"];
  for (let f = 0; f < FAMILIES; f++) {
    const base = 20 + Math.floor(rnd() * 400);
    weeks.forEach((week, w) => {
      const actual = Math.max(0, Math.round(base * (0.7 + 0.6 * rnd())));
      const forecast = Math.max(0, Math.round(base * (0.75 + 0.5 * rnd())));
      demand.push(`${week},${fam(f)},${forecast},${actual}`);
      const planned = Math.round(base * (0.8 + 0.4 * rnd()));
      production.push(
        `${week},${fam(f)},${planned},${Math.round(planned * (0.85 + 0.2 * rnd()))},${Math.round(base * 1.3)}`,
      );
      if (w % INVENTORY_EVERY === INVENTORY_EVERY - 1)
        inventory.push(
          `${addDays(isoWeekMonday(week), 6)},${fam(f)},${Math.round(base * 4 * (0.6 + 0.8 * rnd()))}`,
        );
    });
  }
  const orders: string[] = ["order_id,family,order_date,promised_date,delivered_date,quantity"];
  const first = isoWeekMonday(FIRST_WEEK);
  const days = WEEKS * 7;
  const last = addDays(first, days - 1);
  for (let i = 0; i < ORDERS; i++) {
    const ordered = addDays(first, Math.floor(rnd() * days));
    const promised = addDays(ordered, 3 + Math.floor(rnd() * 8));
    const delivered = addDays(promised, Math.floor(rnd() * 7) - 4);
    const d = delivered > last ? "" : laterOf(delivered, ordered);
    orders.push(
      `SO-${i},${fam(Math.floor(rnd() * FAMILIES))},${ordered},${promised},${d},${1 + Math.floor(rnd() * 50)}`,
    );
  }
  const files = {} as Record<ActualsKind, string>;
  for (const [kind, lines] of Object.entries({ orders, demand, production, inventory })) {
    const file = join(dir, `${kind}.csv`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    files[kind as ActualsKind] = file;
  }
  return files;
}

const started = new Date();
const dir = join(tmpdir(), `sop-bench-kpi-${process.pid}`);
mkdirSync(dir, { recursive: true });
console.log(
  `generating ${FAMILIES} families × ${WEEKS} weeks, ${ORDERS} orders, inventory every ${INVENTORY_EVERY} weeks…`,
);
const files = generate(dir);

const server = await provisionDatabase({ dataName: `bench-kpi-${process.pid}`, ephemeral: true });
console.log(`database: ${server.kind}`);
const report: Record<string, unknown> = {
  date: started.toISOString(),
  machine: `${cpus()[0]?.model ?? "?"} × ${cpus().length}, ${mb(totalmem())} MB RAM, Node ${process.version}`,
  database: server.kind,
  size: { families: FAMILIES, weeks: WEEKS, orders: ORDERS, inventoryEvery: INVENTORY_EVERY },
};
try {
  await connectDatabase(withDatabase(server.serverUri, "bench_sop"));
  const bare = mongoose.connection.getClient().db("bench_bare");
  const imports: Record<string, unknown>[] = [];
  for (const kind of ["demand", "production", "orders", "inventory"] as const) {
    const spec = KIND_SPECS[kind];
    // The same documents our import stores, built outside the timed sections (and not held during ours).
    const bareInsert = async (name: string) => {
      const parsed = await readActuals(kind, createReadStream(files[kind]));
      const docs = parsed.rows.map((r) => spec.toDoc(TEAM, r));
      parsed.rows.length = 0;
      const run = await timed(() =>
        bare.collection(name).bulkWrite(
          docs.map((document) => ({ insertOne: { document } })),
          { ordered: false },
        ),
      );
      docs.length = 0;
      return run;
    };
    const bareBefore = await bareInsert(`bare_${kind}_1`);
    const ours = await timed(() =>
      importActuals({ teamId: TEAM, kind, source: createReadStream(files[kind]) }),
    );
    const bareAfter = await bareInsert(`bare_${kind}_2`);
    const bareMs = (bareBefore.ms + bareAfter.ms) / 2;
    const row = {
      kind,
      rows: ours.value.rows,
      importMs: Math.round(ours.ms),
      bareBulkWriteMs: [Math.round(bareBefore.ms), Math.round(bareAfter.ms)],
      ratio: +(ours.ms / bareMs).toFixed(2),
      importPeakRssMb: mb(ours.peakRss),
    };
    console.log(row);
    imports.push(row);
  }
  const oursTotal = imports.reduce((a, r) => a + (r.importMs as number), 0);
  const bareTotal = imports.reduce((a, r) => {
    const [b1, b2] = r.bareBulkWriteMs as number[];
    return a + (b1! + b2!) / 2;
  }, 0);
  report.import = { perKind: imports, totalRatio: +(oursTotal / bareTotal).toFixed(2) };

  // Re-import of the same orders file: every key exists, nothing changes (one scan + field compare).
  const again = await timed(() =>
    importActuals({ teamId: TEAM, kind: "orders", source: createReadStream(files.orders) }),
  );
  report.reimportOrders = { ms: Math.round(again.ms), result: again.value };
  console.log("re-import orders", report.reimportOrders);

  // KPI: full recompute over every week vs streaming the same projected documents, twice, alternating.
  const window = {
    teamId: TEAM,
    from: isoWeekMonday(FIRST_WEEK),
    to: addDays(isoWeekMonday(addWeeks(FIRST_WEEK, WEEKS - 1)), 6),
  };
  const streamOnly = async () => {
    const queries = kpiQueries(window);
    const counts = await Promise.all(
      queries.map(async (q) => {
        let n = 0;
        for await (const _ of q.collection.find(q.filter, { projection: q.projection }).batchSize(5000)) n++;
        return n;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  };
  const passes: Record<string, unknown>[] = [];
  let streamTotal = 0;
  let kpiTotal = 0;
  for (const what of ["stream", "kpi", "kpi", "stream"] as const) {
    const r = what === "stream" ? await timed(streamOnly) : await timed(() => computeKpis(window));
    if (what === "stream") streamTotal += r.ms;
    else {
      kpiTotal += r.ms;
      report.kpiValues = r.value;
    }
    const row = {
      what,
      ms: Math.round(r.ms),
      ...(what === "stream" ? { documents: r.value } : {}),
      rssBeforeMb: mb(r.rssBefore),
      peakRssMb: mb(r.peakRss),
      peakHeapUsedMb: mb(r.peakHeap),
    };
    console.log(row);
    passes.push(row);
  }
  const rounds = { passes, ratio: +(kpiTotal / streamTotal).toFixed(3) };
  console.log("KPI ÷ stream", rounds.ratio);
  // The same recompute in a child process with a 64 MB heap: it only finishes if memory stays flat.
  const child = spawnSync(
    process.execPath,
    [
      "--max-old-space-size=64",
      "--import",
      "tsx",
      fileURLToPath(import.meta.url),
      "--kpi-child",
      withDatabase(server.serverUri, "bench_sop"),
      TEAM,
      window.from,
      window.to,
    ],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  const childOut = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0) {
    report.cappedHeapRun = { ok: false, status: child.status, stderr: child.stderr.slice(-2000) };
  } else {
    const c = JSON.parse(childOut) as { ms: number; peakRss: number; peakHeapUsed: number; values: unknown };
    report.cappedHeapRun = {
      ok: true,
      maxOldSpaceMb: 64,
      ms: c.ms,
      peakRssMb: mb(c.peakRss),
      peakHeapUsedMb: mb(c.peakHeapUsed),
      sameValues: JSON.stringify(c.values) === JSON.stringify(report.kpiValues),
    };
  }
  console.log("capped heap", report.cappedHeapRun);
  report.kpi = { window, rounds };
  const month = { teamId: TEAM, from: addDays(window.to, -29), to: window.to };
  const m = await timed(() => computeKpis(month));
  report.kpiLastMonth = {
    window: month,
    ms: Math.round(m.ms),
    peakRssMb: mb(m.peakRss),
    heapBeforeMb: mb(m.heapBefore),
    peakHeapMb: mb(m.peakHeap),
  };
  console.log("last 30 days", report.kpiLastMonth);
  report.finished = new Date().toISOString();
  console.log(JSON.stringify(report, null, 2));
} finally {
  await disconnectDatabase().catch(() => {});
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
