/**
 * One Slack installation of the app: a workspace (`_id` = `T…|install`) or a whole Enterprise Grid
 * organisation (`_id` = `E…|install`). What identifies it is in the clear; everything Slack returned at
 * install time, tokens included, is in `sealed` (AES-256-GCM, see src/store/sealed.ts).
 */
import mongoose, { Schema } from "mongoose";

export interface SlackInstallationDoc {
  _id: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  appId: string | null;
  botUserId: string | null;
  scopes: string[];
  installedBy: string | null;
  installedAt: Date;
  sealed: string;
}

const schema = new Schema<SlackInstallationDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, default: null },
    enterpriseId: { type: String, default: null },
    isEnterpriseInstall: { type: Boolean, required: true },
    appId: { type: String, default: null },
    botUserId: { type: String, default: null },
    scopes: { type: [String], default: [] },
    installedBy: { type: String, default: null },
    installedAt: { type: Date, required: true },
    sealed: { type: String, required: true },
  },
  { collection: "slack_installations", versionKey: false },
);

export const SlackInstallationModel = mongoose.model<SlackInstallationDoc>("SlackInstallation", schema);
