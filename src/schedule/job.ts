/**
 * What a scheduled job is: a name, a period (a daily job runs once per local date, a weekly one once per
 * ISO week), the cron expression it fires on (from the team configuration), and the work.
 */
import type { Clock } from "../clock.ts";
import type { Logger } from "../logger.ts";
import type { JobFailureRecord } from "../store/job-runs.ts";
import type { TeamConfig } from "../team/team-config.ts";

export type JobPeriod = "day" | "week";

export type { JobFailureRecord as JobFailure };

export interface JobContext {
  teamId: string;
  job: string;
  /** `YYYY-MM-DD` (daily jobs) or `YYYY-Www` (weekly) in the team's time zone. */
  periodKey: string;
  /** The cron fire time this run is for. */
  scheduledFor: Date;
  /** When this attempt started, from the injected clock. */
  now: Date;
  clock: Clock;
  /** The team's configuration as loaded when the run started. */
  config: TeamConfig;
  /** 1 for the first attempt; higher after a takeover or retry. */
  attempt: number;
  /** Aborted when this process lost the run's lease (another replica took it over) or is stopping. */
  signal: AbortSignal;
  log: Logger;
  /**
   * Records something that failed without stopping the job (one DM, the S&OP channel post). The run
   * ends `failed` with every recorded failure, and is retried later only if all of them are retryable.
   */
  recordFailure(failure: JobFailureRecord): void;
}

export interface JobDefinition {
  name: string;
  period: JobPeriod;
  /** The cron expression for a team, e.g. `cfg.schedules.digest`. */
  cron(config: TeamConfig): string;
  /** Does the work; the returned summary is stored on the run record. */
  run(ctx: JobContext): Promise<Record<string, unknown> | undefined>;
}

/** Thrown by a job when it cannot go on; `failure` says what failed (stored on the run record). */
export class JobFailedError extends Error {
  constructor(readonly failure: JobFailureRecord) {
    super(failure.message ?? `${failure.what}: ${failure.code}`);
    this.name = "JobFailedError";
  }
}
