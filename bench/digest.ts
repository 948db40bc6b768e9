/**
 * Weekly digest cost for one team with 5,000 families (budget: ≤ 1 s per team after KPIs are
 * computed, three charts rendered in-process). Seeds 12 weekly KPI snapshots, 5,000 families × 8 weeks
 * of demand and production and 20,000 orders into a fresh database (the digest reads one facts document
 * whatever the history's length; `--weeks 104 --orders 200000` gives the KPI benchmark's volume, which
 * only the facts pass feels), then measures:
 *  1. the per-family facts pass (part of the daily KPI job, not of the digest budget);
 *  2. the digest itself: assemble (database reads) + three PNGs + Block Kit, and the full post to the
 *     local Slack stand-in (message + files.uploadV2 of three PNGs);
 *  3. per chart: in-process PNG vs building the QuickChart URL.
 * Run: npx tsx bench/digest.ts [--families 5000] [--weeks 8] [--orders 20000] [--reps 10]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { WebClient } from "@slack/web-api";
import team from "../examples/team.json" with { type: "json" };
import { postDigest, prepareCharts } from "../jobs/digest.ts";
import { quickChartUrl, renderPng } from "../src/charts/index.ts";
import { connectDatabase, disconnectDatabase } from "../src/db/connection.ts";
import { dropConnectedDatabase } from "../src/db/database-contents.ts";
import { provisionDatabase, withDatabase } from "../src/db/provision.ts";
import { assembleDigest, refreshDigestFacts, reportingWeek } from "../src/digest/index.ts";
import { createLogger } from "../src/logger.ts";
import { upsertActuals } from "../src/store/actuals/index.ts";
import { storeKpiSnapshot } from "../src/store/kpi-snapshots.ts";
import { saveTeamConfig } from "../src/team/team-config-store.ts";
import { addDays } from "../src/time/dates.ts";
import { isoWeekMonday, isoWeekSunday, weeksEndingWith } from "../src/time/iso-week.ts";
import { SlackStandIn } from "../test/support/slack-standin.ts";
import { digestMessage } from "../views/digest.ts";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const FAMILIES = arg("families", 5000);
const WEEKS = arg("weeks", 8);
const ORDERS = arg("orders", 20_000);
const REPS = arg("reps", 10);
const TEAM = "T0BENCH";
const TZ = "Europe/Berlin";
// Monday 1 Feb 2027, 08:00 Berlin: the digest reports on 2027-W04.
const NOW = new Date("2027-02-01T07:00:00Z");

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (v: number) => `${v.toFixed(1)} ms`;
const time = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
};

async function seed(): Promise<void> {
  const rand = rng(42);
  await saveTeamConfig({ ...team, team: TEAM }, "U0LEAD", NOW);
  const lastWeek = reportingWeek(NOW, TZ).week;
  const weeks = weeksEndingWith(lastWeek, WEEKS);
  const names = Array.from(
    { length: FAMILIES },
    (_, i) => `Family ${String(i).padStart(4, "0")} ${["chilled", "frozen", "ambient", "beverages"][i % 4]}`,
  );
  const base = names.map(() => Math.round(10_000 * rand() ** 4 + 50));
  const snapshots = weeksEndingWith(lastWeek, 12).map((week, i) => ({
    teamId: TEAM,
    week,
    from: isoWeekMonday(week),
    to: isoWeekSunday(week),
    values: {
      forecastAccuracy: 0.7 + 0.01 * i,
      forecastBias: 0.06 - 0.003 * i,
      mape: 0.26 - 0.004 * i,
      onTimeDelivery: 0.9 + 0.004 * i,
      serviceLevel: 0.92 + 0.002 * i,
      planAdherence: 0.85 + 0.004 * i,
      cycleTime: { mean: 8 - 0.1 * i, median: 7, p90: 12 },
      capacityUtilization: 0.86 + 0.01 * i,
      daysOfSupply: 28 + i,
    },
    computedAt: NOW,
  }));
  for (const snapshot of snapshots) await storeKpiSnapshot(snapshot);
  function* demand() {
    for (const week of weeks)
      for (let f = 0; f < FAMILIES; f++) {
        const actual = Math.round(base[f]! * (0.7 + 0.6 * rand()));
        yield {
          family: names[f],
          period: week,
          start: isoWeekMonday(week),
          forecastQty: Math.round(base[f]! * (0.8 + 0.4 * rand())),
          actualQty: actual,
        };
      }
  }
  function* production() {
    for (const week of weeks)
      for (let f = 0; f < FAMILIES; f++) {
        const planned = base[f]!;
        yield {
          family: names[f],
          period: week,
          start: isoWeekMonday(week),
          plannedQty: planned,
          actualQty: Math.round(planned * (0.75 + 0.4 * rand())),
          capacityQty: Math.round(planned * (0.95 + 0.3 * rand())),
        };
      }
  }
  const firstDay = isoWeekMonday(weeks[0]!);
  const lastDay = isoWeekSunday(lastWeek);
  const span = WEEKS * 7;
  function* orders() {
    for (let i = 0; i < ORDERS; i++) {
      const ordered = addDays(firstDay, Math.floor(rand() * span));
      const promised = addDays(ordered, 3 + Math.floor(rand() * 10));
      const delivered = addDays(ordered, 2 + Math.floor(rand() * 14));
      yield {
        orderId: `O${i}`,
        family: names[i % FAMILIES],
        orderDate: ordered,
        promisedDate: promised,
        deliveredDate: delivered > lastDay || rand() < 0.01 ? null : delivered,
        quantity: 1 + Math.floor(rand() * 100),
      };
    }
  }
  await upsertActuals(TEAM, "demand", [...demand()] as never[]);
  await upsertActuals(TEAM, "production", [...production()] as never[]);
  await upsertActuals(TEAM, "orders", [...orders()] as never[]);
}

const logger = createLogger("silent");
const db = await provisionDatabase({ dataName: "bench-digest", ephemeral: true, log: () => {} });
const standIn = await new SlackStandIn().start();
try {
  await connectDatabase(withDatabase(db.serverUri, `bench_digest_${process.pid}`));
  await dropConnectedDatabase();
  const [, seedMs] = await time(seed);
  const week = reportingWeek(NOW, TZ);
  const { loadTeamConfig } = await import("../src/team/team-config-store.ts");
  const cfg = (await loadTeamConfig(TEAM))!;
  const [, factsMs] = await time(() => refreshDigestFacts(TEAM, cfg, week, NOW, logger));
  const client = new WebClient("xoxb-bench-token", {
    slackApiUrl: standIn.apiUrl,
    retryConfig: { retries: 0 },
  });
  const env = { CHART_MODE: "upload" as const, QUICKCHART_URL: "https://quickchart.io" };

  // Warm-up: the first render in a process registers fonts and Chart.js.
  const [, firstMs] = await time(async () => {
    const d = await assembleDigest(TEAM, cfg, NOW);
    await prepareCharts(d.charts, env);
  });

  const assemble: number[] = [];
  const render: number[] = [];
  const blocks: number[] = [];
  const total: number[] = [];
  const posted: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    const [data, a] = await time(() => assembleDigest(TEAM, cfg, NOW));
    const [prepared, r] = await time(() => prepareCharts(data.charts, env));
    const [message, b] = await time(async () =>
      digestMessage(data, { chartsFollow: prepared.pngs.length > 0 }),
    );
    total.push(performance.now() - t0);
    assemble.push(a);
    render.push(r);
    blocks.push(b);
    if (message.blocks.length > 50) throw new Error("too many blocks");
    standIn.reset();
    const [res, p] = await time(() =>
      postDigest(client, { teamId: TEAM, now: NOW, env, log: logger, config: cfg }),
    );
    if (!res.posted || res.files.length !== 3)
      throw new Error(`post failed: ${JSON.stringify(res.failures)}`);
    posted.push(p);
  }

  const data = await assembleDigest(TEAM, cfg, NOW);
  const perChart = [];
  for (const spec of data.charts) {
    const png: number[] = [];
    const url: number[] = [];
    let size = 0;
    let length = 0;
    for (let i = 0; i < 20; i++) {
      const [buf, t] = await time(() => renderPng(spec));
      png.push(t);
      size = buf.length;
      if (i === 0) {
        // The charts of the 5,000-family team, to look at.
        const dir = join(import.meta.dirname, "out");
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `digest-${spec.id}.png`), buf);
      }
      const [u, tu] = await time(async () => quickChartUrl(spec, "https://quickchart.io"));
      url.push(tu);
      length = u.length;
    }
    perChart.push({ id: spec.id, png: median(png), url: median(url), size, length });
  }

  const cpu = cpus();
  console.log(`## Digest benchmark — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
  console.log(
    `machine: ${cpu.length} CPUs (${cpu[0]?.model}), ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, database ${db.kind}`,
  );
  console.log(
    `data: ${FAMILIES} families × ${WEEKS} weeks of demand and production, ${ORDERS} orders, 12 KPI snapshots`,
  );
  console.log(`seed: ${(seedMs / 1000).toFixed(1)} s`);
  const docs = FAMILIES * WEEKS * 2 + ORDERS;
  console.log(
    `per-family facts pass (daily KPI job, not the digest): ${ms(factsMs)} for ${docs} documents (${((factsMs * 1000) / docs).toFixed(0)} µs/document)`,
  );
  console.log(`first digest in the process (font + Chart.js set-up): ${ms(firstMs)}`);
  console.log("");
  console.log(`| digest step (median of ${REPS}, max) | ms |`);
  console.log("| --- | --- |");
  const row = (name: string, xs: number[]) =>
    console.log(`| ${name} | ${median(xs).toFixed(1)} (max ${Math.max(...xs).toFixed(1)}) |`);
  row("assemble: snapshots, facts, cycle (database reads)", assemble);
  row("three PNGs in-process", render);
  row("Block Kit message", blocks);
  row("**digest per team, after KPIs (budget 1,000 ms)**", total);
  row(
    "full post to the local stand-in: assemble + render + chat.postMessage + files.uploadV2 (3 PNGs)",
    posted,
  );
  console.log("");
  console.log(
    "| chart | PNG in-process (median ms) | QuickChart URL (median ms) | ratio | PNG size | URL chars |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const c of perChart) {
    console.log(
      `| ${c.id} | ${c.png.toFixed(1)} | ${c.url.toFixed(3)} | ${Math.round(c.png / c.url)}× | ${Math.round(c.size / 1024)} KiB | ${c.length} |`,
    );
  }
} finally {
  await dropConnectedDatabase().catch(() => {});
  await disconnectDatabase().catch(() => {});
  await standIn.stop();
  await db.stop();
}
