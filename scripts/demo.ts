/**
 * `npm run demo`: one whole S&OP month on embedded defaults — a local MongoDB-compatible database, the
 * built-in Slack stand-in and the sample data in examples/ — written to demo-out/ as a text transcript,
 * an HTML page laid out as Slack shows it, and the chart PNGs. `npm run demo -- --keep` leaves the
 * month in the local database the `sop` CLI and `npm start` use, to explore it afterwards.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startApp } from "../commands/app.ts";
import { InFlight } from "../commands/in-flight.ts";
import { ManualClock } from "../src/clock.ts";
import { disconnectDatabase } from "../src/db/connection.ts";
import { assertDatabasePrerequisites, MissingPrerequisite } from "../src/db/prerequisites.ts";
import { repoRoot } from "../src/db/provision.ts";
import { parseEnv } from "../src/env.ts";
import { createLogger } from "../src/logger.ts";
import { SlackDriver } from "../test/support/slack-driver.ts";
import { SlackStandIn } from "../test/support/slack-standin.ts";
import { type DemoContext, PEOPLE, TEAM } from "./demo/context.ts";
import { type DemoDatabase, DemoDatabaseRefused, openDemoDatabase } from "./demo/database.ts";
import { DEMO_STEPS } from "./demo/steps.ts";
import { Transcript } from "./demo/transcript.ts";

const SIGNING_SECRET = "demo0signing0secret0000000000000";
// DEMO_OUT_DIR: another directory (tests that run the demo beside the demo test).
const outDir = process.env.DEMO_OUT_DIR ?? join(repoRoot, "demo-out");
const log = (line: string) => console.error(`[demo] ${line}`);

const args = process.argv.slice(2);
const unknownArg = args.find((a) => a !== "--keep");
if (unknownArg) {
  console.error(
    `npm run demo: unknown option "${unknownArg}". The only option is --keep (npm run demo -- --keep).`,
  );
  process.exit(2);
}
const keep = args.includes("--keep");
try {
  assertDatabasePrerequisites("npm run demo");
} catch (err) {
  if (!(err instanceof MissingPrerequisite)) throw err;
  console.error(`[demo] ${err.message}`);
  process.exit(1);
}
const databaseName = process.env.MONGODB_URI ? "MONGODB_URI" : "the local database (.data/dev)";

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

let exitCode = 0;
let running: Awaited<ReturnType<typeof startApp>> | undefined;
let database: DemoDatabase | undefined;
const standIn = await new SlackStandIn().start();
try {
  database = await openDemoDatabase(keep, log);
  const mongoUri = database.uri;
  for (const p of Object.values(PEOPLE))
    standIn.users.set(p.id, { name: p.id.slice(2).toLowerCase(), realName: p.name });
  const env = parseEnv({
    SLACK_BOT_TOKEN: "xoxb-demo-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    PORT: "0",
    SLACK_API_URL: standIn.apiUrl,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  // The demo month runs on a controlled clock, from Monday 30 November 2026, 08:00 in Berlin.
  const clock = new ManualClock(new Date("2026-11-30T07:00:00Z"));
  const inFlight = new InFlight();
  const deps = { env, logger: createLogger(env.LOG_LEVEL, "sop-demo"), clock, inFlight };
  running = await startApp(deps);
  const names = new Map(Object.values(PEOPLE).map((p) => [p.id as string, p.name as string]));
  const transcript = new Transcript(
    standIn,
    names,
    new Map([
      ["C0SOP", "s-and-op"],
      ["C0EXEC", "exec-sop"],
    ]),
  );
  const ctx: DemoContext = {
    app: running,
    standIn,
    driver: new SlackDriver(`http://127.0.0.1:${running.port}/slack/events`, SIGNING_SECRET, standIn),
    clock,
    inFlight,
    deps,
    transcript,
    outDir,
    mongoUri,
    fileLinks: new Map(),
  };
  for (const step of DEMO_STEPS) {
    log(step.title);
    transcript.step(step.title);
    await step.run(ctx);
  }
  const text = transcript.text();
  writeFileSync(join(outDir, "transcript.txt"), `${text}\n`);
  writeFileSync(join(outDir, "index.html"), transcript.html("S&OP bot — one month in Slack (demo)", outDir));
  const failed = standIn.calls.filter((c) => !c.ok && !c.error?.startsWith("ratelimited"));
  process.stdout.write(`${text}\n\n`);
  log(`${standIn.calls.length} Slack API calls (${failed.length} answered ok:false)`);
  log(`wrote ${join("demo-out", "transcript.txt")}, ${join("demo-out", "index.html")} and the chart PNGs`);
  if (database.kept)
    log(
      `kept the month in ${databaseName}; explore it with e.g. \`npx sop status 2026-12 --team ${TEAM}\` or \`npx sop help\``,
    );
} catch (err) {
  if (err instanceof DemoDatabaseRefused) console.error(`[demo] ${err.message}`);
  else console.error(err);
  exitCode = 1;
} finally {
  await running?.stop();
  await standIn.stop();
  await disconnectDatabase().catch(() => {});
  await database?.server?.stop();
}
process.exit(exitCode);
