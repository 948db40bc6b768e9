/**
 * Per-family facts behind the digest's exceptions and family charts for one team and reporting week,
 * `_id` = `team|YYYY-Www`. Computed by the daily KPI job (one streamed pass over the actuals), so the
 * digest itself reads one small document instead of scanning 200,000 orders.
 */
import mongoose, { Schema } from "mongoose";

export interface DigestFactsDoc {
  _id: string;
  teamId: string;
  week: string;
  /** The DigestFacts (src/digest/family-facts.ts). */
  facts: Record<string, unknown>;
  computedAt: Date;
}

const schema = new Schema<DigestFactsDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    week: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, required: true },
  },
  { collection: "digest_facts", versionKey: false, minimize: false },
);

export const DigestFactsModel = mongoose.model<DigestFactsDoc>("DigestFacts", schema);
