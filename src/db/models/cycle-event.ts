/**
 * The audit log of cycle transitions, insert-only, `_id` = `${teamId}|${period}|${seq}` (seq zero-padded).
 * Inserting event n is the transition's commit: the unique `_id` lets exactly one of any number of
 * concurrent clicks win, on MongoDB and on FerretDB alike (whose findAndModify is not atomic).
 * Starting a cycle is committed the same way: event 1 carries the initial cycle document.
 */
import mongoose, { Schema } from "mongoose";

export interface CycleEventDoc {
  _id: string;
  teamId: string;
  period: string;
  seq: number;
  at: Date;
  by: string;
  action: string;
  phase: string;
  from: string;
  to: string;
  comment: string | null;
  version: number | null;
  opened: string | null;
  closed: boolean;
  /** A scenario phase's submit: the version's scenario; the executive approval: the scenario chosen. */
  scenario?: string | null;
  /** On the start event only: the new cycle document, so the log alone can rebuild the cycle. */
  initial?: Record<string, unknown>;
}

const schema = new Schema<CycleEventDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    period: { type: String, required: true },
    seq: { type: Number, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    action: { type: String, required: true },
    phase: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    comment: { type: String, default: null },
    version: { type: Number, default: null },
    opened: { type: String, default: null },
    closed: { type: Boolean, default: false },
    scenario: { type: String, default: undefined },
    initial: { type: Schema.Types.Mixed, default: undefined },
  },
  { collection: "cycle_events", versionKey: false },
);

export const CycleEventModel = mongoose.model<CycleEventDoc>("CycleEvent", schema);
