/**
 * One team's monthly S&OP cycle, `_id` = `${teamId}|${period}`. Phases are an object keyed by phase id
 * (never an array updated by position); `order` keeps the template order. This document is the latest
 * known snapshot; the cycle_events log (one insert per transition) is what makes transitions atomic
 * (see src/cycle/cycle-store.ts).
 */
import mongoose, { Schema } from "mongoose";

export interface CycleDoc {
  _id: string;
  teamId: string;
  period: string;
  timezone: string;
  status: "open" | "closed";
  order: string[];
  phases: Record<string, unknown>;
  rev: number;
  startedAt: Date;
  startedBy: string;
  closedAt: Date | null;
  events: unknown[];
}

const schema = new Schema<CycleDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    period: { type: String, required: true },
    timezone: { type: String, required: true },
    status: { type: String, required: true },
    order: { type: [String], required: true },
    phases: { type: Schema.Types.Mixed, required: true },
    rev: { type: Number, required: true },
    startedAt: { type: Date, required: true },
    startedBy: { type: String, required: true },
    closedAt: { type: Date, default: null },
    events: { type: [Schema.Types.Mixed], default: [] },
  },
  { collection: "cycles", versionKey: false, minimize: false },
);

export const CycleModel = mongoose.model<CycleDoc>("Cycle", schema);
