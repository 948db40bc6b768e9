/**
 * Claimed request keys (Slack retries, double clicks). `_id` = `${teamId}:${key}`; claiming is one
 * insert that fails with a duplicate-key error when the key was already claimed.
 */
import mongoose, { Schema } from "mongoose";

export interface IdempotencyKeyDoc {
  _id: string;
  teamId: string;
  createdAt: Date;
}

const schema = new Schema<IdempotencyKeyDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: "idempotency_keys", versionKey: false },
);

export const IdempotencyKeyModel = mongoose.model<IdempotencyKeyDoc>("IdempotencyKey", schema);
