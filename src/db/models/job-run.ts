/**
 * One scheduled run of a job for a team and period, `_id` = `${teamId}|${job}|${periodKey}`. The insert
 * of this document is the claim that makes a run happen once across replicas; a crashed run is taken
 * over once `leaseUntil` has passed, through a claim document per attempt (job-run-claim.ts), and only
 * the attempt's owner then writes this document (src/store/job-runs.ts). Kept small: old runs are
 * pruned, because FerretDB scans the collection on every update.
 */
import mongoose, { Schema } from "mongoose";

export type JobRunStatus = "running" | "done" | "failed";

/** What went wrong in a run, e.g. `{what: "chat.postMessage to the exec channel C0EXEC", code: "channel_not_found"}`. */
export interface JobFailureRecord {
  what: string;
  code: string;
  retryable: boolean;
  message?: string;
}

export interface JobRunAttempt {
  attempt: number;
  owner: string;
  startedAt: Date;
  /** How this attempt got the run: the first claim, a takeover after an expired lease, or a retry. */
  via: "claim" | "takeover" | "retry";
}

export interface JobRunDoc {
  _id: string;
  teamId: string;
  job: string;
  periodKey: string;
  /** The cron fire time this run is for. */
  scheduledFor: Date;
  status: JobRunStatus;
  /** 1 for the first claim, +1 for every takeover or retry; the owner's updates filter on it. */
  attempt: number;
  /** The scheduler instance (host:pid:random) running it. */
  owner: string;
  leaseUntil: Date;
  startedAt: Date;
  finishedAt?: Date;
  error?: string;
  failures?: JobFailureRecord[];
  /** False when retrying cannot help (a channel that does not exist). */
  retryable?: boolean;
  /** What the job reported, e.g. `{dms: 3, escalations: 1}`. */
  summary?: Record<string, unknown>;
  attempts: JobRunAttempt[];
}

const schema = new Schema<JobRunDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    job: { type: String, required: true },
    periodKey: { type: String, required: true },
    scheduledFor: { type: Date, required: true },
    status: { type: String, required: true, enum: ["running", "done", "failed"] },
    attempt: { type: Number, required: true },
    owner: { type: String, required: true },
    leaseUntil: { type: Date, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    error: { type: String },
    failures: { type: Schema.Types.Mixed },
    retryable: { type: Boolean },
    summary: { type: Schema.Types.Mixed },
    attempts: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: "job_runs", versionKey: false, minimize: false },
);

export const JobRunModel = mongoose.model<JobRunDoc>("JobRun", schema);

export const jobRunId = (teamId: string, job: string, periodKey: string) => `${teamId}|${job}|${periodKey}`;
