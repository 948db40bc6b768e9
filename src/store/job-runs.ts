/**
 * Claims on scheduled runs, shared by every replica through MongoDB: no in-memory locks.
 *
 * - claim: insert the run `{_id: team|job|period, status: "running", leaseUntil, owner, attempt: 1}`;
 *   the unique `_id` lets exactly one replica win.
 * - takeover: a `running` run whose `leaseUntil` has passed (its owner crashed) is taken by inserting
 *   the claim `${runId}#${attempt + 1}`; only the replica whose insert succeeded then updates the run.
 *   (A conditional update on `_id` + status + leaseUntil + attempt is not enough on FerretDB 1.24:
 *   two concurrent ones can both match — measured, see job-run-claim.ts.)
 * - an owner writes the run only while its own lease holds; one that could not renew in time stops,
 *   so a takeover never overlaps a live owner.
 * - a `done` run is never repeated; a `failed` one is retried (same claim scheme) only when retryable,
 *   after a delay, up to `maxAttempts`.
 */
import {
  type JobFailureRecord,
  type JobRunAttempt,
  type JobRunDoc,
  JobRunModel,
  jobRunId,
} from "../db/models/job-run.ts";
import { JobRunClaimModel, jobRunClaimId } from "../db/models/job-run-claim.ts";
import { idPrefixBelow } from "./id-range.ts";
import { readStep } from "./series.ts";
import { insertUnique } from "./unique-insert.ts";

export type { JobFailureRecord, JobRunDoc };

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
  leaseUntil: Date;
}

export interface NotClaimed {
  claimed: false;
  id: string;
  /** Why not: finished, someone else holds a live lease, failed for good, retry not yet due, or another replica was faster. */
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
  const first = await insertUnique(JobRunModel, {
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
  if (first) return { claimed: true, id, attempt: 1, via: "claim", leaseUntil };

  const existing = await readStep<JobRunDoc>(JobRunModel, id);
  if (!existing) return { claimed: false, id, reason: "lost_race" };
  if (existing.status === "done") return { claimed: false, id, reason: "done" };

  let via: "takeover" | "retry";
  if (existing.status === "running") {
    if (existing.leaseUntil.getTime() > now.getTime()) return { claimed: false, id, reason: "running" };
    if (existing.attempt >= policy.maxAttempts) {
      // Crashed on every attempt: give up instead of crashing every replica in turn. Idempotent.
      await JobRunModel.collection.updateOne(
        { _id: id, status: "running", attempt: existing.attempt } as never,
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
  const won = await insertUnique(JobRunClaimModel, {
    _id: jobRunClaimId(id, attempt),
    runId: id,
    attempt,
    owner,
    via,
    at: now,
  });
  if (!won) return { claimed: false, id, reason: "lost_race" };
  // Ours alone from here: the previous owner stopped writing when its lease ran out.
  await JobRunModel.collection.updateOne(
    { _id: id, attempt: existing.attempt } as never,
    {
      $set: { status: "running", attempt, owner, leaseUntil, startedAt: now },
      $unset: { finishedAt: 1, error: 1, failures: 1, retryable: 1 },
      $push: { attempts: { attempt, owner, startedAt: now, via } },
    } as never,
  );
  return { claimed: true, id, attempt, via, leaseUntil };
}

/** True when a later attempt of the run has been claimed (this attempt's owner lost it). */
export async function supersededBy(id: string, attempt: number): Promise<boolean> {
  return (await readStep(JobRunClaimModel, jobRunClaimId(id, attempt + 1))) !== null;
}

/**
 * Extends the lease of a run this owner holds. False when the lease it held had already run out at
 * `now` (another replica may have taken over: stop), or the run was taken over.
 */
export async function renewLease(
  id: string,
  owner: string,
  attempt: number,
  heldUntil: Date,
  now: Date,
  leaseUntil: Date,
): Promise<boolean> {
  if (now.getTime() >= heldUntil.getTime()) return false;
  const res = await JobRunModel.collection.updateOne(
    { _id: id, status: "running", owner, attempt } as never,
    { $set: { leaseUntil } },
  );
  return res.matchedCount === 1;
}

/** Gives the lease up at once (shutdown mid-run), so another replica takes over without waiting. */
export async function releaseLease(id: string, owner: string, attempt: number, now: Date): Promise<void> {
  await JobRunModel.collection.updateOne({ _id: id, status: "running", owner, attempt } as never, {
    $set: { leaseUntil: now },
  });
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
  if (await supersededBy(id, attempt)) return false;
  const set: Record<string, unknown> = { status: f.status, finishedAt: f.now };
  if (f.summary !== undefined) set.summary = f.summary;
  if (f.error !== undefined) set.error = f.error;
  if (f.failures?.length) set.failures = f.failures;
  if (f.retryable !== undefined) set.retryable = f.retryable;
  const res = await JobRunModel.collection.updateOne(
    { _id: id, status: "running", owner, attempt } as never,
    {
      $set: set,
    },
  );
  return res.matchedCount === 1;
}

export async function findRun(key: RunKey): Promise<JobRunDoc | null> {
  return readStep<JobRunDoc>(JobRunModel, jobRunId(key.teamId, key.job, key.periodKey));
}

/**
 * Drops one team's records of `job` for periods before `belowPeriodKey` (`YYYY-MM-DD` or `YYYY-Www`,
 * which sort by time), claims included: an `_id` range, idempotent, so every replica may call it.
 */
export async function pruneRuns(teamId: string, job: string, belowPeriodKey: string): Promise<number> {
  const range = idPrefixBelow(`${teamId}|${job}|`, belowPeriodKey);
  const runs = await JobRunModel.collection.deleteMany(range as never);
  await JobRunClaimModel.collection.deleteMany(range as never);
  return runs.deletedCount ?? 0;
}
