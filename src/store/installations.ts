/**
 * Slack installations of the app, one document per workspace or per Enterprise Grid organisation,
 * addressed by `_id` (`T…|install`, `E…|install`): every read is a point lookup. The installation as
 * Slack returned it (tokens included) is stored sealed with the key the caller passes; the clear fields
 * say whose installation it is and when it was made.
 */
import { SlackInstallationModel } from "../db/models/slack-installation.ts";
import { seal, unseal } from "./sealed.ts";

export interface InstallationKey {
  teamId?: string;
  enterpriseId?: string;
  /** An organisation-wide install: looked up by the enterprise id whatever the team. */
  isEnterpriseInstall: boolean;
}

export interface InstallationRecord extends InstallationKey {
  appId?: string;
  botUserId?: string;
  scopes: string[];
  installedBy?: string;
  installedAt: Date;
  /** Everything Slack returned (tokens included), as JSON; stored sealed. */
  secret: string;
}

export function installationId(key: InstallationKey): string {
  const owner = key.isEnterpriseInstall ? key.enterpriseId : key.teamId;
  if (!owner)
    throw new Error(`an installation needs a ${key.isEnterpriseInstall ? "enterprise" : "team"} id`);
  return `${owner}|install`;
}

/** Saves (or replaces, on a reinstall) the installation. */
export async function saveInstallation(record: InstallationRecord, key: Buffer): Promise<void> {
  const _id = installationId(record);
  await SlackInstallationModel.collection.replaceOne(
    { _id } as never,
    {
      teamId: record.teamId ?? null,
      enterpriseId: record.enterpriseId ?? null,
      isEnterpriseInstall: record.isEnterpriseInstall,
      appId: record.appId ?? null,
      botUserId: record.botUserId ?? null,
      scopes: record.scopes,
      installedBy: record.installedBy ?? null,
      installedAt: record.installedAt,
      sealed: seal(record.secret, key, _id),
    },
    { upsert: true },
  );
}

/** The installation's sealed part opened, or null when there is none. */
export async function loadInstallationSecret(query: InstallationKey, key: Buffer): Promise<string | null> {
  const _id = installationId(query);
  const doc = await SlackInstallationModel.collection.findOne({ _id } as never);
  return doc ? unseal(String(doc.sealed), key, _id) : null;
}

/** Removes the installation (app uninstalled, tokens revoked); true when there was one. */
export async function deleteInstallation(query: InstallationKey): Promise<boolean> {
  const res = await SlackInstallationModel.collection.deleteOne({ _id: installationId(query) } as never);
  return res.deletedCount > 0;
}
