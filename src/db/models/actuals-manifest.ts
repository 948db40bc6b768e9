/**
 * Which bucket chunks make up a team's actuals of one kind, by revision: `_id` = `team|kind|revision`
 * (revision zero-padded to 8 digits). Inserting revision r+1 commits an import: exactly one of any
 * number of concurrent inserts wins (a unique `_id`, on FerretDB and MongoDB alike), and readers see
 * the import all at once or not at all. `team|kind|head` holds the last revision known to be committed,
 * set after the commit; readers catch up by probing revision+1 by `_id`.
 */
import mongoose, { Schema } from "mongoose";

export interface ChunkRef {
  id: string;
  rows: number;
}

export interface ActualsManifestDoc {
  _id: string;
  teamId: string;
  kind: string;
  revision: number;
  /** Absent on the head document. */
  committedAt?: Date;
  source?: "import" | "migration";
  /** Per month (sorted): its chunks and the facts readers use to skip it (src/store/actuals/codec.ts). */
  months?: Record<string, unknown>[];
  /** Inventory: the latest-snapshot-per-family index chunks. */
  latest?: ChunkRef[];
  /** Chunks of the previous revision this one no longer uses (deleted after the commit). */
  superseded?: string[];
}

const schema = new Schema<ActualsManifestDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    kind: { type: String, required: true },
    revision: { type: Number, required: true },
    committedAt: { type: Date },
    source: { type: String },
    months: { type: [Schema.Types.Mixed], default: undefined },
    latest: { type: [Schema.Types.Mixed], default: undefined },
    superseded: { type: [String], default: undefined },
  },
  { collection: "actuals_manifests", versionKey: false },
);

export const ActualsManifestModel = mongoose.model<ActualsManifestDoc>("ActualsManifest", schema);
