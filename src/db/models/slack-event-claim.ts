/**
 * An Events API delivery the app has taken on: `_id` = `YYYY-MM-DD|team|event_id`, the day being the
 * event's own `event_time` (UTC), which Slack repeats unchanged on every retry. The day leads so that
 * pruning is one `_id` range below a day, for all teams at once, with no TTL index.
 */
import mongoose, { Schema } from "mongoose";

export interface SlackEventClaimDoc {
  _id: string;
  teamId: string;
  eventId: string;
  claimedAt: Date;
}

const schema = new Schema<SlackEventClaimDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    eventId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
  },
  { collection: "slack_event_claims", versionKey: false },
);

export const SlackEventClaimModel = mongoose.model<SlackEventClaimDoc>("SlackEventClaim", schema);
