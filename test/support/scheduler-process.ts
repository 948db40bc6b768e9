/**
 * A replica for the exactly-once tests: a separate Node process with its own database connection and
 * its own real Scheduler (started, with node-cron tasks in the teams' time zones), driven by its parent
 * over IPC with a controllable clock:
 *
 *   parent → child  {type: "tick", id, now}   sets the clock and runs `scheduler.tick(now)`
 *   child → parent  {type: "ticked", id, outcomes}
 *   child → parent  {type: "job-started", teamId, job, periodKey, attempt}
 *
 * Jobs record every start and end in `test_job_effects`. With SLOW_JOB=name, attempt 1 of that job
 * hangs (until the parent kills the process): the crash-mid-run case.
 *
 * Env: MONGODB_URI (the test database), OWNER, LEASE_MS, SLOW_JOB.
 */
import mongoose from "mongoose";
import { ManualClock } from "../../src/clock.ts";
import { connectDatabase, disconnectDatabase } from "../../src/db/connection.ts";
import { createLogger } from "../../src/logger.ts";
import type { JobDefinition } from "../../src/schedule/job.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";

const owner = process.env.OWNER ?? `p${process.pid}`;
const slowJob = process.env.SLOW_JOB;
const send = (msg: unknown) => process.send?.(msg);

function job(name: string, period: "day" | "week", cron: (c: TeamConfig) => string): JobDefinition {
  return {
    name,
    period,
    cron,
    run: async (ctx) => {
      const doc = { teamId: ctx.teamId, job: name, periodKey: ctx.periodKey, attempt: ctx.attempt, owner };
      await mongoose.connection.collection("test_job_effects").insertOne({ ...doc, phase: "start" });
      send({ type: "job-started", ...doc });
      if (name === slowJob && ctx.attempt === 1) await new Promise((r) => setTimeout(r, 3600_000));
      await mongoose.connection.collection("test_job_effects").insertOne({ ...doc, phase: "end" });
      return { owner };
    },
  };
}

const clock = new ManualClock(new Date(0));
await connectDatabase(process.env.MONGODB_URI!);
const scheduler = new Scheduler({
  jobs: [
    job("kpi", "day", (c) => c.schedules.kpi),
    job("digest", "week", (c) => c.schedules.digest),
    job("reminders", "day", (c) => c.schedules.reminders),
  ],
  clock,
  logger: createLogger(process.env.LOG_LEVEL ?? "silent", `replica-${owner}`),
  owner,
  leaseMs: Number(process.env.LEASE_MS ?? 300_000),
  // The parent drives time; the poll would only add noise.
  pollMs: 3600_000,
});
await scheduler.start();

process.on("message", async (raw) => {
  const msg = raw as { type: string; id?: number; now?: string };
  if (msg.type === "tick") {
    clock.set(msg.now!);
    try {
      const outcomes = await scheduler.tick(new Date(msg.now!));
      send({ type: "ticked", id: msg.id, outcomes });
    } catch (err) {
      send({ type: "ticked", id: msg.id, error: (err as Error).message });
    }
  } else if (msg.type === "stop") {
    await scheduler.stop(100);
    await disconnectDatabase();
    process.exit(0);
  }
});
// The parent gone (test runner killed): do not linger.
process.on("disconnect", () => process.exit(0));
send({ type: "ready", owner });
