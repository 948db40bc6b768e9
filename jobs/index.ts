/**
 * The scheduled jobs of the app (Slack-facing, like commands/): the daily KPI recompute, the weekly
 * digest and the daily reminders, run by the scheduler in src/schedule with Bolt's Web API client; and
 * the hourly clean-up of Events API claims.
 */
import { WebClient } from "@slack/web-api";
import type { AppDeps } from "../commands/deps.ts";
import { asClients, type SlackClients } from "../commands/oauth/team-clients.ts";
import type { JobDefinition } from "../src/schedule/job.ts";
import { type RunOutcome, Scheduler, type SchedulerOptions } from "../src/schedule/scheduler.ts";
import { digestJob } from "./digest.ts";
import { kpiJob } from "./kpi.ts";
import { startEventClaimPruning } from "./prune-event-claims.ts";
import { remindersJob } from "./reminders.ts";
import { watchRateLimits } from "./slack-errors.ts";

/** The jobs, posting with `clients`: one workspace's client, or each team's own (OAuth distribution). */
export function jobDefinitions(clients: WebClient | SlackClients, deps: AppDeps): JobDefinition[] {
  const c = asClients(clients);
  return [kpiJob(c, deps), digestJob(c, deps.env), remindersJob(c)];
}

export interface RunningJobs {
  scheduler: Scheduler;
  stop(): Promise<void>;
}

/** Starts the scheduler (cron tasks per team, revision poll); `stop()` ends it with the app. */
export async function startJobs(
  clients: WebClient | SlackClients,
  deps: AppDeps,
  options: Partial<SchedulerOptions> = {},
): Promise<RunningJobs> {
  const logger = deps.logger.child({ component: "scheduler" });
  // Per-team clients are watched as they are made (commands/app.ts).
  const unwatch = clients instanceof WebClient ? watchRateLimits(clients, logger) : () => {};
  const scheduler = new Scheduler({
    jobs: jobDefinitions(clients, deps),
    clock: deps.clock,
    logger,
    ...options,
  });
  await scheduler.start();
  const pruning = startEventClaimPruning(deps.clock, logger);
  return {
    scheduler,
    stop: async () => {
      pruning.stop();
      await scheduler.stop();
      unwatch();
    },
  };
}

/**
 * One scheduler tick without a running scheduler (the demo, scripts): refreshes the teams' schedules and
 * runs every job due at `now`, claimed exactly as the cron path claims it.
 */
export async function tickJobs(
  clients: WebClient | SlackClients,
  deps: AppDeps,
  now: Date,
): Promise<RunOutcome[]> {
  const scheduler = new Scheduler({
    jobs: jobDefinitions(clients, deps),
    clock: deps.clock,
    logger: deps.logger.child({ component: "scheduler" }),
  });
  return scheduler.tick(now);
}
