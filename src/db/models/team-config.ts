/** One team (workspace) configuration, `_id` = Slack team id. */
import mongoose, { Schema } from "mongoose";

export interface TeamConfigDoc {
  _id: string;
  /** The validated configuration (src/team/team-config.ts). */
  config: Record<string, unknown>;
  /** Bumped on every save; the scheduler reloads a team when it changes. */
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
