/**
 * Ack latency (DESIGN §9): the real app (startApp, real database, Slack stand-in) against a bare Bolt app
 * that only acks (bench/bare-app.ts), both behind the same signed-request loader (bench/load.ts), at 1, 10
 * and 50 concurrent requests.
 *
 * Set-up, chosen to resemble production on a small machine: each app runs in its own process pinned to
 * the last CPU (PIN=0 turns pinning off); the loader, the Slack stand-in and the database share the other
 * CPUs, as Slack and the database would be other machines. The two apps are measured in alternating
 * rounds (ABBA) so machine noise falls on both. The real app acks before it works: after each of its
 * rounds we wait until every response_url post its work owes has arrived, and count them, so unfinished
 * work can neither hide nor spill into the next round. CPU time per request of each app is reported too.
 *
 * Run: npx tsx bench/ack.ts   (ROUNDS=6, REQUESTS_SCALE=1, LOG_LEVEL=info, PROFILE=ours|bare, ONLY=status,approve,approve-commit,submit-invalid,
 *   MODELS=closed,burst, APP_LOG_DIR=dir (apps' stdout), APP_NODE_FLAGS="--trace-gc")
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import type { Agent, Server } from "node:http";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { startApp } from "../commands/app.ts";
import { InFlight } from "../commands/in-flight.ts";
import { systemClock } from "../src/clock.ts";
import { connectDatabase, disconnectDatabase } from "../src/db/connection.ts";
import { provisionDatabase, withDatabase } from "../src/db/provision.ts";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { SlackStandIn } from "../test/support/slack-standin.ts";
import { type Scenario, scenarios } from "./ack-scenarios.ts";
import { startBareApp } from "./bare-app.ts";
import { keepAliveAgent, percentile, runBursts, runLoad, type SignedRequest, signedRequest } from "./load.ts";

const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const CONCURRENCY = process.env.CONCURRENCY?.split(",").map(Number) ?? [1, 10, 50];
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const SCALE = Number(process.env.REQUESTS_SCALE ?? 1);
const CPU_COUNT = cpus().length;
const PIN = process.env.PIN !== "0" && CPU_COUNT >= 2 && hasTaskset();
/** Requests per round and app, by concurrency: enough samples for a p99 over all rounds. */
const perRound = (c: number) => Math.round(SCALE * (c === 1 ? 150 : c === 10 ? 400 : 1000));

type Which = "ours" | "bare";
/**
 * closed: `c` connections each sending its next request as soon as its ack arrives (saturation: the app's
 * post-ack work competes with the next acks). burst: `c` requests at the same moment, then the app's
 * post-ack work is awaited and a short pause before the next burst (c people clicking at once).
 */
type Model = "closed" | "burst";
const MODELS: Model[] = (process.env.MODELS?.split(",") as Model[] | undefined) ?? ["closed", "burst"];
const MODEL_TITLE: Record<Model, string> = {
  closed: "Closed loop: c connections, each sends its next request as soon as its ack arrives",
  burst: "Bursts: c requests at the same moment; the next burst after the post-ack work is done",
};
const BURST_PAUSE_MS = 5;

// ---- child process: one app, told what to serve by argv ----------------------------------------
async function serve(which: Which): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  let stop: () => Promise<void>;
  let port: number;
  const inFlight = new InFlight();
  if (which === "ours") {
    await connectDatabase(env.MONGODB_URI!, { logger });
    const running = await startApp({ env, logger, clock: systemClock, inFlight });
    port = running.port;
    stop = async () => {
      await running.stop();
      await disconnectDatabase();
    };
  } else {
    const bare = await startBareApp(env, logger);
    port = bare.port;
    stop = bare.stop;
  }
  process.on("message", async (m) => {
    if (m === "cpu") process.send!({ cpu: process.cpuUsage() });
    // All work after acks finished (replies, DMs, App Home refreshes), so the next round starts on an idle app.
    if (m === "drain") process.send!({ drained: await inFlight.drain(120_000) });
    if (m === "stop") {
      await stop();
      process.exit(0);
    }
  });
  process.send!({ port });
}

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

interface AppProcess {
  child: ChildProcess;
  url: string;
  /** CPU microseconds (user + system) the process has used so far. */
  cpu(): Promise<number>;
  /** Resolves when the app has no work in flight any more (false: still busy after 2 minutes). */
  drain(): Promise<boolean>;
}

function spawnApp(which: Which, env: Record<string, string>): Promise<AppProcess> {
  const profile = process.env.PROFILE === which ? ["--cpu-prof", "--cpu-prof-dir=bench/out/profile"] : [];
  // APP_NODE_FLAGS="--trace-gc …" passes flags to both apps (NODE_OPTIONS refuses some of them).
  const flags = process.env.APP_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const node = [...profile, ...flags, "--import", "tsx", fileURLToPath(import.meta.url), "--serve", which];
  const [cmd, args] = PIN
    ? ["taskset", ["-c", String(CPU_COUNT - 1), process.execPath, ...node]]
    : [process.execPath, node];
  const child = spawn(cmd as string, args as string[], {
    env: { ...process.env, ...env },
    // Logs go where production sends them, at the production level; here: nowhere.
    stdio: ["ignore", process.env.APP_LOG_DIR ? "pipe" : "ignore", "inherit", "ipc"],
  });
  // APP_LOG_DIR=dir keeps each app's JSON log lines (for looking into a slow cell).
  if (process.env.APP_LOG_DIR)
    child.stdout?.pipe(createWriteStream(`${process.env.APP_LOG_DIR}/${which}.log`));
  const cpu = () =>
    new Promise<number>((resolve) => {
      const onMessage = (m: unknown) => {
        const c = (m as { cpu?: NodeJS.CpuUsage }).cpu;
        if (!c) return;
        child.off("message", onMessage);
        resolve(c.user + c.system);
      };
      child.on("message", onMessage);
      child.send("cpu");
    });
  const drain = () =>
    new Promise<boolean>((resolve) => {
      const onMessage = (m: unknown) => {
        const d = (m as { drained?: boolean }).drained;
        if (d === undefined) return;
        child.off("message", onMessage);
        resolve(d);
      };
      child.on("message", onMessage);
      child.send("drain");
    });
  return new Promise((resolve, reject) => {
    child.once("message", (m) =>
      resolve({ child, cpu, drain, url: `http://127.0.0.1:${(m as { port: number }).port}/slack/events` }),
    );
    child.once("exit", (code) => reject(new Error(`${which} app exited with ${code}`)));
  });
}

interface Cell {
  latencies: number[];
  cpuMicros: number;
  requests: number;
  wallMs: number;
  /** Longest wait, after a round's last reply arrived, until the app had no work in flight. */
  tailMs: number;
}

// ---- parent: database, stand-in, both apps, the rounds -------------------------------------------
async function main(): Promise<void> {
  const log = (line: string) => console.error(`[bench] ${line}`);
  // Loader, stand-in and database (started below, inheriting this) stay off the apps' CPU.
  if (PIN) execFileSync("taskset", ["-cp", `0-${CPU_COUNT - 2}`, String(process.pid)], { stdio: "ignore" });
  const db = await provisionDatabase({ dataName: "bench-ack", ephemeral: true, log });
  const uri = withDatabase(db.serverUri, "sop");
  const standIn = await new SlackStandIn().start();
  // The stand-in closes idle connections after 1 s, which makes undici (Bolt's respond()) open a new
  // connection per response_url post; Slack's edge keeps them alive far longer, so the bench does too.
  (standIn as unknown as { server: Server }).server.keepAliveTimeout = 60_000;
  const env = {
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    PORT: "0",
    MONGODB_URI: uri,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  const apps: Record<Which, AppProcess> = {
    ours: await spawnApp("ours", env),
    bare: await spawnApp("bare", env),
  };
  const only = process.env.ONLY?.split(",");
  const all = await scenarios(
    { standIn, oursUrl: apps.ours.url, secret: SIGNING_SECRET, uri },
    log,
    ROUNDS,
    only,
  );
  const list = only ? all.filter((s) => only.includes(s.name)) : all;
  // One warm keep-alive pool per app, large enough for the highest concurrency.
  const maxC = Math.max(...CONCURRENCY);
  const agents: Record<Which, Agent> = { ours: keepAliveAgent(maxC), bare: keepAliveAgent(maxC) };
  const cells = new Map<string, Cell>();
  const owed = { expected: 0, arrived: 0 };
  const problems: string[] = [];

  const runRound = async (which: Which, s: Scenario, c: number, model: Model, record: boolean) => {
    const built = Array.from({ length: (s.perRound ?? perRound)(c) }, () => s.build(which));
    const ts = Math.floor(Date.now() / 1000);
    const reqs: SignedRequest[] = built.map((b) => signedRequest(SIGNING_SECRET, b.body, b.contentType, ts));
    const mark = s.workMark();
    const cpuBefore = await apps[which].cpu();
    const drain = async (sent: number) => {
      if (which !== "ours") return;
      // The work after ack must finish (and is counted) before anything else is measured.
      const { expected, arrived } = await s.awaitWork(mark, built.slice(0, sent), 30_000);
      if (arrived < expected) problems.push(`${s.name} c=${c}: only ${arrived}/${expected} post-ack results`);
      return { expected, arrived };
    };
    const result =
      model === "closed"
        ? await runLoad(apps[which].url, reqs, c, agents[which])
        : await runBursts(apps[which].url, reqs, c, agents[which], async (sent) => {
            await drain(sent);
            await apps[which].drain();
            await new Promise((r) => setTimeout(r, BURST_PAUSE_MS));
          });
    for (const [status, k] of result.statuses)
      if (status !== 200) problems.push(`${which} ${s.name} c=${c}: ${k}× HTTP ${status}`);
    const done = await drain(built.length);
    if (done) {
      owed.expected += done.expected;
      owed.arrived += done.arrived;
    }
    const idleFrom = performance.now();
    if (!(await apps[which].drain()))
      problems.push(`${which} ${s.name} c=${c}: still busy 2 min after the round`);
    const tailMs = performance.now() - idleFrom;
    const cpuMicros = (await apps[which].cpu()) - cpuBefore;
    if (process.env.DEBUG_ROUNDS)
      log(
        `  ${which} ${model} ${s.name} c=${c}: p50 ${percentile(result.latencies, 50).toFixed(1)} p99 ${percentile(result.latencies, 99).toFixed(1)} max ${Math.max(...result.latencies).toFixed(1)} >50ms: ${result.latencies.filter((x) => x > 50).length} busy after: ${Math.round(tailMs)} ms`,
      );
    if (!record) return;
    const key = `${model}|${s.name}|${c}|${which}`;
    const cell = cells.get(key) ?? { latencies: [], cpuMicros: 0, requests: 0, wallMs: 0, tailMs: 0 };
    cell.tailMs = Math.max(cell.tailMs, tailMs);
    cell.latencies.push(...result.latencies);
    cell.cpuMicros += cpuMicros;
    cell.requests += reqs.length;
    cell.wallMs += result.wallMs;
    cells.set(key, cell);
  };

  log(
    `pinning: ${PIN ? `apps on CPU ${CPU_COUNT - 1}, loader/stand-in/database on 0-${CPU_COUNT - 2}` : "off"}`,
  );
  log("warm-up");
  for (const s of list) {
    const model = s.models?.[0] ?? "closed";
    for (const w of ["ours", "bare"] as const)
      await runRound(w, s, model === "closed" ? maxC : 10, model, false);
  }
  for (const model of MODELS) {
    for (const s of list.filter((x) => !x.models || x.models.includes(model))) {
      for (const c of CONCURRENCY) {
        log(
          `${model}: ${s.name} at ${c} concurrent, ${ROUNDS} rounds × ${(s.perRound ?? perRound)(c)} requests per app`,
        );
        for (let r = 0; r < ROUNDS; r++) {
          const order: Which[] = r % 2 === 0 ? ["ours", "bare"] : ["bare", "ours"];
          for (const w of order) await runRound(w, s, c, model, true);
        }
        // A line per finished cell, so a long run that is cut short still leaves its figures.
        const o = cells.get(`${model}|${s.name}|${c}|ours`)!.latencies;
        const b = cells.get(`${model}|${s.name}|${c}|bare`)!.latencies;
        log(
          `  → p50 ${percentile(o, 50).toFixed(2)} / ${percentile(b, 50).toFixed(2)} ms, p99 ${percentile(o, 99).toFixed(1)} / ${percentile(b, 99).toFixed(1)} ms (ours / bare), ratio p99 ${(percentile(o, 99) / percentile(b, 99)).toFixed(2)}`,
        );
      }
    }
  }

  for (const a of Object.values(agents)) a.destroy();
  for (const a of Object.values(apps)) a.child.send("stop");
  await Promise.all(Object.values(apps).map((a) => new Promise((r) => a.child.once("exit", r))));
  await standIn.stop();
  await db.stop();

  const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
  const tables: string[] = [];
  let worst = 0;
  for (const model of MODELS) {
    const rows = [
      `### ${MODEL_TITLE[model]}`,
      "",
      "| request | concurrent | ours p50 | bare p50 | ours p99 | bare p99 | **p99 ours ÷ bare** | ours max | CPU µs/req ours / bare | ours busy after the last reply, ms | samples per app |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ];
    for (const s of list.filter((x) => !x.models || x.models.includes(model))) {
      for (const c of CONCURRENCY) {
        const o = cells.get(`${model}|${s.name}|${c}|ours`)!;
        const b = cells.get(`${model}|${s.name}|${c}|bare`)!;
        const ratio = percentile(o.latencies, 99) / percentile(b.latencies, 99);
        worst = Math.max(worst, ratio);
        rows.push(
          `| ${s.label} | ${c} | ${fmt(percentile(o.latencies, 50))} | ${fmt(percentile(b.latencies, 50))} | ${fmt(percentile(o.latencies, 99))} | ${fmt(percentile(b.latencies, 99))} | **${ratio.toFixed(2)}** | ${fmt(Math.max(...o.latencies))} | ${Math.round(o.cpuMicros / o.requests)} / ${Math.round(b.cpuMicros / b.requests)} | ${Math.round(o.tailMs)} | ${o.latencies.length} |`,
        );
      }
    }
    tables.push(rows.join("\n"));
  }
  const cpu = cpus();
  console.log(`Ack latency, ms — ${new Date().toISOString()}`);
  console.log(
    `Machine: ${cpu.length} × ${cpu[0]?.model ?? "?"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, database ${db.kind}; pinning ${PIN ? "on" : "off"}`,
  );
  console.log(`Rounds: ${ROUNDS} per cell, alternating ours/bare (ABBA); LOG_LEVEL=${env.LOG_LEVEL}\n`);
  console.log(tables.join("\n\n"));
  console.log(`\nWorst p99 ratio: ${worst.toFixed(2)} (budget ≤ 1.5)`);
  console.log(`Post-ack work: ${owed.arrived}/${owed.expected} response_url posts arrived`);
  for (const s of list) if (s.note) console.log(`- ${s.label}: ${s.note}`);
  for (const n of problems) console.log(`! ${n}`);
  process.exit(problems.length ? 1 : 0);
}

if (process.argv[2] === "--serve") await serve(process.argv[3] as Which);
else await main();
