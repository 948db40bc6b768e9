/**
 * Actuals in buckets (the bucket pattern): one team × kind × month is a few large documents ("chunks"),
 * each at most 50,000 rows sorted by natural key, the columns as typed binary (src/store/actuals).
 * `_id` = `team|kind|month|generation|chunk`: an import writes a new generation under new ids and commits
 * it with the next manifest revision, so a chunk is never updated in place. Read and deleted by `_id`
 * only (the manifest lists them): FerretDB 1.24 pushes nothing else down, and a scan would parse every
 * chunk of every team. The inventory's latest-snapshot-per-family index lives here too (month `latest`).
 */

import type { Binary } from "mongodb";
import mongoose, { Schema } from "mongoose";

export interface ActualsBucketDoc {
  _id: string;
  teamId: string;
  kind: string;
  /** `YYYY-MM`, or `latest` for the inventory index. */
  month: string;
  /** Rows in this chunk. */
  n: number;
  cols: Record<string, Binary>;
}

const schema = new Schema<ActualsBucketDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    kind: { type: String, required: true },
    month: { type: String, required: true },
    n: { type: Number, required: true },
    cols: { type: Schema.Types.Mixed, required: true },
  },
  { collection: "actuals_buckets", versionKey: false },
);

export const ActualsBucketModel = mongoose.model<ActualsBucketDoc>("ActualsBucket", schema);
