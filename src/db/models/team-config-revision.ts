/**
 * One saved revision of a team's configuration, insert-only, `_id` = `${teamId}|${revision}` (zero-padded
 * to 6 digits). Inserting revision n is the save's commit: the unique `_id` lets exactly one of any number
 * of concurrent saves made from revision n − 1 win (src/store/team-config.ts).
 */
import mongoose, { Schema } from "mongoose";

export interface TeamConfigRevisionDoc {
  _id: string;
  teamId: string;
  revision: number;
  /** The validated configuration (src/team/team-config.ts). */
  config: Record<string, unknown>;
  savedAt: Date;
  savedBy: string;
}

const schema = new Schema<TeamConfigRevisionDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    revision: { type: Number, required: true },
    config: { type: Schema.Types.Mixed, required: true },
    savedAt: { type: Date, required: true },
    savedBy: { type: String, required: true },
  },
  { collection: "team_config_revisions", versionKey: false, minimize: false },
);

export const TeamConfigRevisionModel = mongoose.model<TeamConfigRevisionDoc>("TeamConfigRevision", schema);
