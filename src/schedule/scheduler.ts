/**
 * One schedule set per team: a node-cron task per job in the team's time zone, built from the team
 * configuration's `schedules`. The configuration's `revision` is polled (every ~30 s, or `refresh()` on
 * demand) and a team whose revision changed is rescheduled, so edits take effect without a restart.
 *
 * Whether a job is due is decided from the clock, not from which process's cron fired: `runDueJobs(now)`
 * runs every job whose cron fired within the catch-up window and whose run for that period is not
 * finished. Cron callbacks and the poll both call it, and tests call it with any `now`. Exactly-once
 * across replicas comes from the run claims in MongoDB (src/store/job-runs.ts), never from in-memory state.
 */
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { Clock } from "../clock.ts";
import { type Logger, logFailure } from "../logger.ts";
import {
  type ClaimPolicy,
  claimRun,
  finishRun,
  pruneRuns,
  releaseLease,
  renewLease,
} from "../store/job-runs.ts";
import { pruneOutbox } from "../store/outbox.ts";
import { teamRevisions } from "../store/team-config.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { loadTeamConfig } from "../team/team-config-store.ts";
import { type CronMatcher, cronMatcher } from "./cron-fires.ts";
import { type JobDefinition, JobFailedError, type JobFailure } from "./job.ts";
import { localDateKey, localIsoWeekKey } from "./local-time.ts";

export interface SchedulerOptions {
  jobs: JobDefinition[];
  clock: Clock;
  logger: Logger;
  /** How often team configurations are checked for a new revision (and missed runs caught up). */
  pollMs?: number;
  /** How long a claim is valid without a heartbeat; a crashed run is taken over after it. */
  leaseMs?: number;
  heartbeatMs?: number;
  /** Attempts per run: the first, takeovers and retries together. */
  maxAttempts?: number;
  /** Wait before retrying a run that failed for a retryable reason. */
  retryDelayMs?: number;
  /** A fire missed by this long (all replicas down) is still run; older ones are skipped. */
  catchUpMs?: number;
  /** Run records older than this are pruned (once a day per process). */
  keepRunsMs?: number;
  /** This instance's name on claims; default host:pid:random. */
  owner?: string;
  /** Teams handled at once by `runDueJobs` (each team's jobs run one after the other). */
  concurrency?: number;
}

export const SCHEDULER_DEFAULTS = {
  pollMs: 30_000,
  leaseMs: 5 * 60_000,
  maxAttempts: 3,
  retryDelayMs: 10 * 60_000,
  catchUpMs: 6 * 3600_000,
  keepRunsMs: 40 * 86_400_000,
  concurrency: 4,
} as const;

interface TeamSchedule {
  teamId: string;
  revision: number;
  timeZone: string;
  jobs: Map<string, { matcher: CronMatcher; task: ScheduledTask | undefined }>;
}

export type RunOutcome =
  | { teamId: string; job: string; periodKey: string; ran: true; status: "done" | "failed"; attempt: number }
  | { teamId: string; job: string; periodKey: string; ran: false; reason: string };

export interface RefreshResult {
  added: string[];
  changed: string[];
  removed: string[];
}

export class Scheduler {
  readonly owner: string;
  private readonly opts: Required<Omit<SchedulerOptions, "owner" | "heartbeatMs">> & { heartbeatMs: number };
  private readonly teams = new Map<string, TeamSchedule>();
  /** Periods this process saw finished (done or failed for good): saves a database read per tick. */
  private readonly settled = new Set<string>();
  private readonly inFlight = new Map<Promise<unknown>, AbortController>();
  private pollTimer: NodeJS.Timeout | undefined;
  private started = false;
  private stopping = false;
  private lastPruneDay = "";
  private refreshing: Promise<RefreshResult> | undefined;

  constructor(options: SchedulerOptions) {
    const leaseMs = options.leaseMs ?? SCHEDULER_DEFAULTS.leaseMs;
    this.opts = {
      ...SCHEDULER_DEFAULTS,
      ...options,
      leaseMs,
      heartbeatMs: options.heartbeatMs ?? Math.max(50, Math.floor(leaseMs / 3)),
    };
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  }

  private get log(): Logger {
    return this.opts.logger;
  }

  private get policy(): ClaimPolicy {
    return {
      leaseMs: this.opts.leaseMs,
      maxAttempts: this.opts.maxAttempts,
      retryDelayMs: this.opts.retryDelayMs,
    };
  }

  /** Loads every team's schedule, starts the cron tasks and the revision poll. */
  async start(): Promise<void> {
    this.started = true;
    this.stopping = false;
    await this.refresh().catch((err) => this.log.error({ err }, "scheduler: first refresh failed"));
    const poll = () => {
      this.pollTimer = setTimeout(async () => {
        await this.tick(this.opts.clock.now()).catch((err) =>
          this.log.error({ err: (err as Error).message }, "scheduler: poll failed"),
        );
        if (!this.stopping) poll();
      }, this.opts.pollMs);
      this.pollTimer.unref();
    };
    poll();
    this.log.info({ owner: this.owner, teams: this.teams.size }, "scheduler started");
  }

  /** Stops timers and cron tasks; waits for running jobs, then gives up their leases so another replica can go on. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    for (const team of this.teams.values()) this.destroyTasks(team);
    const pending = [...this.inFlight.keys()];
    if (pending.length) {
      const timeout = new Promise((r) => setTimeout(r, graceMs).unref());
      await Promise.race([Promise.allSettled(pending), timeout]);
      for (const controller of this.inFlight.values()) controller.abort(new Error("scheduler stopping"));
      await Promise.allSettled([...this.inFlight.keys()]);
    }
  }

  /** The poll: reschedule teams whose configuration changed, then run whatever is due. */
  async tick(now: Date): Promise<RunOutcome[]> {
    await this.refresh();
    return this.runDueJobs(now);
  }

  /** Reads every team's configuration revision and (re)builds the schedule of teams that changed. */
  refresh(): Promise<RefreshResult> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<RefreshResult> {
    const result: RefreshResult = { added: [], changed: [], removed: [] };
    const revisions = await teamRevisions();
    const seen = new Set<string>();
    for (const { teamId, revision } of revisions) {
      seen.add(teamId);
      const current = this.teams.get(teamId);
      if (current && current.revision === revision) continue;
      let cfg: TeamConfig | null;
      try {
        cfg = await loadTeamConfig(teamId);
      } catch (err) {
        this.log.error(
          { team: teamId, err: (err as Error).message },
          "scheduler: stored team configuration is invalid; team not scheduled",
        );
        if (current) this.removeTeam(current);
        continue;
      }
      if (!cfg) continue;
      const next = this.buildSchedule(teamId, revision, cfg);
      if (current) this.removeTeam(current);
      this.teams.set(teamId, next);
      if (this.started) this.startTasks(next);
      (current ? result.changed : result.added).push(teamId);
      this.log.info(
        {
          team: teamId,
          revision,
          timeZone: next.timeZone,
          schedules: Object.fromEntries([...next.jobs].map(([name, j]) => [name, j.matcher.expression])),
        },
        current ? "scheduler: team rescheduled" : "scheduler: team scheduled",
      );
    }
    for (const team of [...this.teams.values()]) {
      if (!seen.has(team.teamId)) {
        this.removeTeam(team);
        result.removed.push(team.teamId);
      }
    }
    return result;
  }

  private buildSchedule(teamId: string, revision: number, cfg: TeamConfig): TeamSchedule {
    const jobs = new Map<string, { matcher: CronMatcher; task: ScheduledTask | undefined }>();
    for (const job of this.opts.jobs) {
      jobs.set(job.name, { matcher: cronMatcher(job.cron(cfg), cfg.timezone), task: undefined });
    }
    return { teamId, revision, timeZone: cfg.timezone, jobs };
  }

  private startTasks(team: TeamSchedule): void {
    for (const [name, entry] of team.jobs) {
      entry.task = cron.schedule(
        entry.matcher.expression,
        async () => {
          await this.runDue(team.teamId, name, this.opts.clock.now()).catch((err) =>
            this.log.error(
              { team: team.teamId, job: name, err: (err as Error).message },
              "scheduler: run failed",
            ),
          );
        },
        { timezone: team.timeZone, name: `${team.teamId}|${name}`, noOverlap: false },
      );
      entry.task.unref();
    }
  }

  private destroyTasks(team: TeamSchedule): void {
    for (const entry of team.jobs.values()) {
      if (entry.task) void entry.task.destroy();
      entry.task = undefined;
    }
  }

  private removeTeam(team: TeamSchedule): void {
    this.destroyTasks(team);
    this.teams.delete(team.teamId);
  }

  /** The schedules as this process knows them (for logs and tests). */
  describe(): { teamId: string; revision: number; timeZone: string; jobs: Record<string, string> }[] {
    return [...this.teams.values()].map((t) => ({
      teamId: t.teamId,
      revision: t.revision,
      timeZone: t.timeZone,
      jobs: Object.fromEntries([...t.jobs].map(([name, j]) => [name, j.matcher.expression])),
    }));
  }

  /** Runs every job of every known team that is due at `now` (see the file comment). */
  async runDueJobs(now: Date): Promise<RunOutcome[]> {
    await this.pruneDaily(now);
    // Per team, the jobs in their listed order (the KPI recompute before the digest that reads it, when
    // a tick finds both due after an outage); teams a few at a time.
    const teams = [...this.teams.keys()];
    const outcomes: (RunOutcome | null)[] = [];
    const worker = async () => {
      for (let teamId = teams.shift(); teamId; teamId = teams.shift()) {
        for (const job of this.opts.jobs) outcomes.push(await this.runDue(teamId, job.name, now));
      }
    };
    await Promise.all(Array.from({ length: this.opts.concurrency }, worker));
    return outcomes.filter((o): o is RunOutcome => o !== null);
  }

  /** Runs one team's job if its cron fired within the catch-up window and that period's run is not finished. */
  async runDue(teamId: string, jobName: string, now: Date): Promise<RunOutcome | null> {
    if (this.stopping) return null;
    const team = this.teams.get(teamId);
    const entry = team?.jobs.get(jobName);
    const job = this.opts.jobs.find((j) => j.name === jobName);
    if (!team || !entry || !job) return null;
    const fire = entry.matcher.lastFireBetween(new Date(now.getTime() - this.opts.catchUpMs), now);
    if (!fire) return null;
    const periodKey = periodKeyOf(job, fire, team.timeZone);
    return this.runClaimed(job, teamId, periodKey, fire, now);
  }

  private async runClaimed(
    job: JobDefinition,
    teamId: string,
    periodKey: string,
    scheduledFor: Date,
    now: Date,
  ): Promise<RunOutcome> {
    const base = { teamId, job: job.name, periodKey };
    const settledKey = `${teamId}|${job.name}|${periodKey}`;
    if (this.settled.has(settledKey)) return { ...base, ran: false, reason: "done" };
    const claim = await claimRun(base, scheduledFor, this.owner, now, this.policy);
    if (!claim.claimed) {
      if (claim.reason === "done" || claim.reason === "failed") this.remember(settledKey);
      return { ...base, ran: false, reason: claim.reason };
    }
    const controller = new AbortController();
    const work = this.execute(
      job,
      base,
      scheduledFor,
      now,
      claim.id,
      claim.attempt,
      claim.leaseUntil,
      controller,
    );
    this.inFlight.set(work, controller);
    try {
      const status = await work;
      if (status === "done") this.remember(settledKey);
      return { ...base, ran: true, status, attempt: claim.attempt };
    } finally {
      this.inFlight.delete(work);
    }
  }

  private remember(key: string): void {
    if (this.settled.size > 50_000) this.settled.clear();
    this.settled.add(key);
  }

  private async execute(
    job: JobDefinition,
    key: { teamId: string; job: string; periodKey: string },
    scheduledFor: Date,
    now: Date,
    id: string,
    attempt: number,
    leaseUntil: Date,
    controller: AbortController,
  ): Promise<"done" | "failed"> {
    const { clock } = this.opts;
    const log = this.log.child({ team: key.teamId, job: key.job, period: key.periodKey, attempt });
    const started = performance.now();
    let heldUntil = leaseUntil;
    const heartbeat = setInterval(() => {
      const at = clock.now();
      const until = new Date(at.getTime() + this.opts.leaseMs);
      renewLease(id, this.owner, attempt, heldUntil, at, until)
        .then((held) => {
          if (held) heldUntil = until;
          else if (!controller.signal.aborted) {
            log.warn("scheduler: lease lost (expired before renewal, or taken over); stopping this run");
            controller.abort(new Error("lease lost"));
          }
        })
        .catch((err) => log.warn({ err: (err as Error).message }, "scheduler: lease renewal failed"));
    }, this.opts.heartbeatMs);
    heartbeat.unref();

    const failures: JobFailure[] = [];
    let status: "done" | "failed" = "done";
    let summary: Record<string, unknown> | undefined;
    let error: string | undefined;
    let retryable = true;
    log.info({ scheduledFor: scheduledFor.toISOString() }, "job started");
    try {
      const config = await loadTeamConfig(key.teamId);
      if (!config)
        throw new JobFailedError({ what: "team configuration", code: "not_configured", retryable: false });
      summary = await job.run({
        ...key,
        scheduledFor,
        now,
        clock,
        config,
        attempt,
        signal: controller.signal,
        log,
        recordFailure: (f) => {
          failures.push(f);
        },
      });
    } catch (err) {
      status = "failed";
      if (err instanceof JobFailedError) {
        failures.push(err.failure);
        error = err.message;
      } else {
        error = err instanceof Error ? err.message : String(err);
        log.error({ err }, "job threw");
      }
    } finally {
      clearInterval(heartbeat);
    }
    if (failures.length) {
      status = "failed";
      error ??= failures.map((f) => `${f.what}: ${f.code}`).join("; ");
      retryable = failures.every((f) => f.retryable);
    }
    if (controller.signal.aborted && this.stopping) {
      // Stopped mid-run: expire the lease now so another replica takes over without waiting.
      await releaseLease(id, this.owner, attempt, clock.now()).catch((err) =>
        logFailure(
          log,
          err,
          "lease not released at shutdown; another replica takes over when it lapses",
          {},
          "warn",
        ),
      );
      log.warn("job interrupted by shutdown; lease released for takeover");
      return "failed";
    }
    const stored = await finishRun(id, this.owner, attempt, {
      status,
      now: clock.now(),
      summary,
      error,
      failures,
      ...(status === "failed" ? { retryable } : {}),
    }).catch((err) => {
      log.error({ err: (err as Error).message }, "scheduler: could not record the run's outcome");
      return false;
    });
    const ms = Math.round(performance.now() - started);
    if (!stored) log.warn({ ms }, "job finished after its run was taken over; outcome not recorded");
    else if (status === "done") log.info({ ms, summary }, "job done");
    else log.error({ ms, error, failures, retryable }, "job failed");
    return status;
  }

  /**
   * Once a day per process: drop each known team's old run records and outbox items (an `_id` range per
   * team and job; idempotent, so every replica may do it). A failure is logged; the next day tries again.
   */
  private async pruneDaily(now: Date): Promise<void> {
    const day = now.toISOString().slice(0, 10);
    if (day === this.lastPruneDay) return;
    this.lastPruneDay = day;
    const cutoff = new Date(now.getTime() - this.opts.keepRunsMs);
    let removed = 0;
    for (const team of this.teams.values()) {
      for (const job of this.opts.jobs) {
        const below = periodKeyOf(job, cutoff, team.timeZone);
        try {
          removed += await pruneRuns(team.teamId, job.name, below);
          removed += await pruneOutbox(team.teamId, job.name, below);
        } catch (err) {
          logFailure(
            this.log,
            err,
            "scheduler: old run records and outbox items not pruned (tomorrow tries again)",
            { team: team.teamId, job: job.name },
            "warn",
          );
        }
      }
    }
    if (removed) this.log.info({ removed }, "scheduler: pruned old run records and outbox items");
  }
}

/** The period a job's run at `at` belongs to, in the team's time zone. */
function periodKeyOf(job: JobDefinition, at: Date, timeZone: string): string {
  return job.period === "day" ? localDateKey(at, timeZone) : localIsoWeekKey(at, timeZone);
}
