/**
 * The latest digest posted for a team, `_id` = team id: where it went and the chart files or image URLs
 * it carried, so the App Home dashboard can show "the latest charts" without re-rendering them.
 */
import mongoose, { Schema } from "mongoose";

export interface DigestChartRef {
  chartId: string;
  title: string;
  /** Uploaded PNG (upload mode). */
  fileId?: string;
  permalink?: string;
  /** QuickChart image URL (quickchart mode). */
  imageUrl?: string;
}

export interface DigestPostDoc {
  _id: string;
  teamId: string;
  week: string;
  channel: string;
  ts: string;
  postedAt: Date;
  charts: DigestChartRef[];
}

const schema = new Schema<DigestPostDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    week: { type: String, required: true },
    channel: { type: String, required: true },
    ts: { type: String, required: true },
    postedAt: { type: Date, required: true },
    charts: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: "digest_posts", versionKey: false, minimize: false },
);

export const DigestPostModel = mongoose.model<DigestPostDoc>("DigestPost", schema);
