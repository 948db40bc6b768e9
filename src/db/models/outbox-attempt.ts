/**
 * One attempt at a piece of scheduled Slack output that must happen once (a digest post, its chart
 * uploads, a reminder), `_id` = `${teamId}|${job}|${periodKey}|${item}|${attempt}` (attempt zero-padded
 * to 3 digits). Inserted as `sending` before the Slack call — the unique `_id` lets exactly one writer
 * make each attempt — and updated by that writer alone to `sent` (with what Slack answered) or
 * `failed` after it (src/store/outbox.ts). No secondary index: every read names `_id`.
 */
import mongoose, { Schema } from "mongoose";

export interface OutboxOutcomeDoc {
  channel: string;
  ts?: string;
  files?: { id: string; title: string; permalink?: string }[];
}

export interface OutboxAttemptDoc {
  _id: string;
  teamId: string;
  job: string;
  periodKey: string;
  item: string;
  attempt: number;
  /** sending: recorded, outcome not (yet) known; unknown: a later run found it so and did not resend. */
  status: "sending" | "sent" | "failed" | "unknown";
  /** What it is, for people: "chat.postMessage (digest 2027-W04) to the exec channel C0EXEC". */
  what: string;
  startedAt: Date;
  finishedAt?: Date;
  outcome?: OutboxOutcomeDoc;
  error?: string;
}

const schema = new Schema<OutboxAttemptDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    job: { type: String, required: true },
    periodKey: { type: String, required: true },
    item: { type: String, required: true },
    attempt: { type: Number, required: true },
    status: { type: String, required: true },
    what: { type: String, required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    outcome: { type: Schema.Types.Mixed },
    error: { type: String },
  },
  { collection: "outbox", versionKey: false, minimize: false },
);

export const OutboxAttemptModel = mongoose.model<OutboxAttemptDoc>("OutboxAttempt", schema);
