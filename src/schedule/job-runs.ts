/**
 * Claims on scheduled runs, shared by every replica through MongoDB: no in-memory locks.
 *
 * - claim: insert `{_id: team|job|period, status: "running", leaseUntil, owner}`; the unique `_id`
 *   lets exactly one replica win.
 * - takeover: a `running` run whose `leaseUntil` has passed (its owner crashed) is taken by one
 *   conditional update on `_id` + status + the attempt counter seen, which that update increments,
 *   so two replicas can never both take it over.
 * - a `done` run is never repeated; a `failed` one is retried only when retryable, after a delay,
 *   up to `maxAttempts`.
 */
import { isDuplicateKeyError } from "../db/idempotency.ts";
import {
  type JobFailureRecord,
  type JobRunAttempt,
  type JobRunDoc,
  JobRunModel,
  jobRunId,
} from "../db/models/job-run.ts";

export interface ClaimPolicy {
  leaseMs: number;
  maxAttempts: number;
  retryDelayMs: number;
}

export interface RunKey {
  teamId: string;
  job: string;
  periodKey: string;
}

export interface Claimed {
  claimed: true;
  id: string;
  attempt: number;
  via: JobRunAttempt["via"];
}

export interface NotClaimed {
  claimed: false;
  id: string;
  /** Why not: finished, someone else holds a live lease, failed for good, or retry not yet due. */
  reason: "done" | "running" | "failed" | "retry_later" | "lost_race";
}

export type ClaimResult = Claimed | NotClaimed;

export async function claimRun(
  key: RunKey,
  scheduledFor: Date,
  owner: string,
  now: Date,
  policy: ClaimPolicy,
): Promise<ClaimResult> {
  const id = jobRunId(key.teamId, key.job, key.periodKey);
  const leaseUntil = new Date(now.getTime() + policy.leaseMs);
  try {
    await JobRunModel.create({
      _id: id,
      ...key,
      scheduledFor,
      status: "running",
      attempt: 1,
      owner,
      leaseUntil,
      startedAt: now,
      attempts: [{ attempt: 1, owner, startedAt: now, via: "claim" }],
    });
    return { claimed: true, id, attempt: 1, via: "claim" };
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }

  const existing = await JobRunModel.findById(id).lean<JobRunDoc>();
  if (!existing) return { claimed: false, id, reason: "lost_race" };
  if (existing.status === "done") return { claimed: false, id, reason: "done" };

  let via: JobRunAttempt["via"];
  if (existing.status === "running") {
    if (existing.leaseUntil.getTime() > now.getTime()) return { claimed: false, id, reason: "running" };
    if (existing.attempt >= policy.maxAttempts) {
      // Crashed every time: give up instead of crashing every replica in turn.
      await JobRunModel.updateOne(
        { _id: id, status: "running", attempt: existing.attempt, leaseUntil: { $lte: now } },
        {
          $set: {
            status: "failed",
            finishedAt: now,
            retryable: false,
            error: `abandoned: the lease expired on all ${existing.attempt} attempts (the process running it stopped or hung)`,
          },
        },
      );
      return { claimed: false, id, reason: "failed" };
    }
    via = "takeover";
  } else {
    if (existing.retryable === false || existing.attempt >= policy.maxAttempts)
      return { claimed: false, id, reason: "failed" };
    const failedAt = (existing.finishedAt ?? existing.startedAt).getTime();
    if (failedAt + policy.retryDelayMs > now.getTime()) return { claimed: false, id, reason: "retry_later" };
    via = "retry";
  }

  const attempt = existing.attempt + 1;
  const filter =
    via === "takeover"
      ? { _id: id, status: "running" as const, attempt: existing.attempt, leaseUntil: { $lte: now } }
      : { _id: id, status: "failed" as const, attempt: existing.attempt };
  const res = await JobRunModel.updateOne(filter, {
    $set: { status: "running", attempt, owner, leaseUntil, startedAt: now },
    $unset: { finishedAt: 1, error: 1, failures: 1, retryable: 1 },
    $push: { attempts: { attempt, owner, startedAt: now, via } },
  });
  if (res.modifiedCount !== 1) return { claimed: false, id, reason: "lost_race" };
  return { claimed: true, id, attempt, via };
}

/** Extends the lease of a run this owner still holds; false when it was taken over meanwhile. */
export async function renewLease(
  id: string,
  owner: string,
  attempt: number,
  leaseUntil: Date,
): Promise<boolean> {
  const res = await JobRunModel.updateOne(
    { _id: id, status: "running", owner, attempt },
    { $set: { leaseUntil } },
  );
  return res.matchedCount === 1;
}

export interface Finish {
  status: "done" | "failed";
  now: Date;
  summary?: Record<string, unknown>;
  error?: string;
  failures?: JobFailureRecord[];
  retryable?: boolean;
}

/** Records the outcome; false when the run was taken over meanwhile (the outcome is then not stored). */
export async function finishRun(id: string, owner: string, attempt: number, f: Finish): Promise<boolean> {
  const set: Record<string, unknown> = { status: f.status, finishedAt: f.now };
  if (f.summary !== undefined) set.summary = f.summary;
  if (f.error !== undefined) set.error = f.error;
  if (f.failures?.length) set.failures = f.failures;
  if (f.retryable !== undefined) set.retryable = f.retryable;
  const res = await JobRunModel.updateOne({ _id: id, status: "running", owner, attempt }, { $set: set });
  return res.matchedCount === 1;
}

export async function findRun(key: RunKey): Promise<JobRunDoc | null> {
  return JobRunModel.findById(jobRunId(key.teamId, key.job, key.periodKey)).lean<JobRunDoc>();
}

/** Drops run records started before `cutoff`; idempotent, so every replica may call it. */
export async function pruneRuns(cutoff: Date): Promise<number> {
  const res = await JobRunModel.deleteMany({ startedAt: { $lt: cutoff } });
  return res.deletedCount ?? 0;
}
