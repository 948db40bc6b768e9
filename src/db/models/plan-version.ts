/**
 * One accepted plan submission, immutable, `_id` = `${teamId}|${period}|${phase}|v${n}`. Lines are stored
 * column-wise as packed binary (family and period as indexes into small dictionaries, numbers as float64),
 * so 18 months × 5,000 families is ~2.7 MB in one document instead of 90,000 sub-documents.
 */
import mongoose, { Schema } from "mongoose";

export interface PlanVersionDoc {
  _id: string;
  teamId: string;
  period: string;
  phase: string;
  version: number;
  /** Random per attempt: tells an abandoned insert (crash before commit) from a live one. */
  token: string;
  submittedBy: string;
  submittedAt: Date;
  comment: string | null;
  source: string;
  fileName: string | null;
  rows: number;
  families: string[];
  periods: string[];
  /** Uint32 LE indexes into `families`. */
  familyIndex: Buffer;
  /** Uint8 indexes into `periods`. */
  periodIndex: Buffer;
  /** Float64 LE. */
  quantity: Buffer;
  revenue: Buffer | null;
  /** Float64 LE, NaN where a row left it empty. */
  capacity: Buffer | null;
  summary: Record<string, unknown>;
}

const schema = new Schema<PlanVersionDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    period: { type: String, required: true },
    phase: { type: String, required: true },
    version: { type: Number, required: true },
    token: { type: String, required: true },
    submittedBy: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    comment: { type: String, default: null },
    source: { type: String, required: true },
    fileName: { type: String, default: null },
    rows: { type: Number, required: true },
    families: { type: [String], required: true },
    periods: { type: [String], required: true },
    familyIndex: { type: Buffer, required: true },
    periodIndex: { type: Buffer, required: true },
    quantity: { type: Buffer, required: true },
    revenue: { type: Buffer, default: null },
    capacity: { type: Buffer, default: null },
    summary: { type: Schema.Types.Mixed, required: true },
  },
  { collection: "plan_versions", versionKey: false, minimize: false },
);

export const PlanVersionModel = mongoose.model<PlanVersionDoc>("PlanVersion", schema);
