/**
 * The scheduled jobs of the app (Slack-facing, like commands/): the daily KPI recompute, the weekly
 * digest and the daily reminders, run by the scheduler in src/schedule with Bolt's Web API client.
 */
import type { WebClient } from "@slack/web-api";
import type { AppDeps } from "../commands/deps.ts";
import type { JobDefinition } from "../src/schedule/job.ts";
import { type RunOutcome, Scheduler, type SchedulerOptions } from "../src/schedule/scheduler.ts";
import { digestJob } from "./digest.ts";
import { kpiJob } from "./kpi.ts";
import { remindersJob } from "./reminders.ts";
import { watchRateLimits } from "./slack-output.ts";

export function jobDefinitions(client: WebClient, deps: AppDeps): JobDefinition[] {
  return [kpiJob(client, deps), digestJob(client, deps.env), remindersJob(client)];
}

export interface RunningJobs {
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/** Starts the scheduler (cron tasks per team, revision poll); `stop()` ends it with the app. */
export async function startJobs(
  client: WebClient,
  deps: AppDeps,
  options: Partial<SchedulerOptions> = {},
): Promise<RunningJobs> {
  const logger = deps.logger.child({ component: "scheduler" });
  const unwatch = watchRateLimits(client, logger);
  const scheduler = new Scheduler({
    jobs: jobDefinitions(client, deps),
    clock: deps.clock,
    logger,
    ...options,
  });
  await scheduler.start();
  return {
    scheduler,
    stop: async () => {
      await scheduler.stop();
      unwatch();
    },
  };
}

/**
 * One scheduler tick without a running scheduler (the demo, scripts): refreshes the teams' schedules and
 * runs every job due at `now`, claimed exactly as the cron path claims it.
 */
export async function tickJobs(client: WebClient, deps: AppDeps, now: Date): Promise<RunOutcome[]> {
  const scheduler = new Scheduler({
    jobs: jobDefinitions(client, deps),
    clock: deps.clock,
    logger: deps.logger.child({ component: "scheduler" }),
  });
  return scheduler.tick(now);
}
