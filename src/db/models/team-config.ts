/**
 * The head of a team's configuration, `_id` = Slack team id: a copy of its latest revision
 * (team-config-revision.ts), refreshed after each save so a read is one lookup plus a check for a newer
 * revision. A hint, not the truth: a head left behind (a crash between the two writes) is caught up by
 * the next reader. One small document per team, which is what the scheduler lists.
 */
import mongoose, { Schema } from "mongoose";

export interface TeamConfigDoc {
  _id: string;
  /** The validated configuration (src/team/team-config.ts). */
  config: Record<string, unknown>;
  /** The revision this head shows; the scheduler reloads a team when it changes. */
  revision: number;
  updatedAt: Date;
  updatedBy: string;
}

const schema = new Schema<TeamConfigDoc>(
  {
    _id: { type: String, required: true },
    config: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { collection: "team_configs", versionKey: false, minimize: false },
);

export const TeamConfigModel = mongoose.model<TeamConfigDoc>("TeamConfig", schema);
