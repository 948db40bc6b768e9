/**
 * KPI values of one team for one ISO week, `_id` = `team|YYYY-Www`. Recomputing a week replaces the
 * document, so the last 12 weeks are 12 `_id`s and the latest ones the team's `_id` range read backwards.
 * No secondary index: every read names `_id`.
 */
import mongoose, { Schema } from "mongoose";

export interface KpiSnapshotDoc {
  _id: string;
  teamId: string;
  week: string;
  /** The window the values cover: the week's Monday … its Sunday, or today while the week runs. */
  from: string;
  to: string;
  /** KpiValues (src/kpi/kpi-values.ts): fractions and days, null for no data. */
  values: Record<string, unknown>;
  computedAt: Date;
}

const schema = new Schema<KpiSnapshotDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    week: { type: String, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    values: { type: Schema.Types.Mixed, required: true },
    computedAt: { type: Date, required: true },
  },
  { collection: "kpi_snapshots", versionKey: false, minimize: false },
);

export const KpiSnapshotModel = mongoose.model<KpiSnapshotDoc>("KpiSnapshot", schema);
