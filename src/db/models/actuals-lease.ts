/**
 * The lease that serializes imports of one team and kind: `_id` = `team|kind|base|attempt`, where base
 * is the manifest revision the import builds on (8 digits) and attempt counts takeovers (3 digits).
 * Inserting it is the claim (exactly one of concurrent inserts wins); an expired lease (its importer
 * crashed) is taken over by inserting the next attempt. `pending` lists the chunks the holder is about to
 * write, so whoever commits the next revision can delete a crashed importer's leftovers.
 */
import mongoose, { Schema } from "mongoose";

export interface ActualsLeaseDoc {
  _id: string;
  teamId: string;
  kind: string;
  base: number;
  attempt: number;
  owner: string;
  acquiredAt: Date;
  expiresAt: Date;
  pending: string[];
}

const schema = new Schema<ActualsLeaseDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    kind: { type: String, required: true },
    base: { type: Number, required: true },
    attempt: { type: Number, required: true },
    owner: { type: String, required: true },
    acquiredAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    pending: { type: [String], default: [] },
  },
  { collection: "actuals_leases", versionKey: false },
);

export const ActualsLeaseModel = mongoose.model<ActualsLeaseDoc>("ActualsLease", schema);
