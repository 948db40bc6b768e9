/**
 * Bolt's installation store (the `@slack/oauth` InstallationStore interface) over src/store/installations:
 * what an install returns is stored sealed with the environment's key. Bolt asks for the installation on
 * every request before the ack, so each one is kept in memory for a short while (30 s): a token revoked
 * or replaced on another replica is seen within that time; on this replica at once.
 */
import type { Installation, InstallationQuery, InstallationStore, OrgInstallation } from "@slack/oauth";
import {
  deleteInstallation,
  type InstallationKey,
  installationId,
  loadInstallationSecret,
  saveInstallation,
} from "../../src/store/installations.ts";

type AnyInstallation = Installation | OrgInstallation;

export class NotInstalledError extends Error {
  constructor(readonly key: InstallationKey) {
    super(`the app is not installed in ${installationId(key).replace("|install", "")}`);
    this.name = "NotInstalledError";
  }
}

function keyOf(i: AnyInstallation): InstallationKey {
  const isEnterpriseInstall = i.isEnterpriseInstall === true;
  return { isEnterpriseInstall, teamId: i.team?.id, enterpriseId: i.enterprise?.id };
}

function keyOfQuery(q: InstallationQuery<boolean>): InstallationKey {
  return { isEnterpriseInstall: q.isEnterpriseInstall, teamId: q.teamId, enterpriseId: q.enterpriseId };
}

export class MongoInstallationStore implements InstallationStore {
  private readonly cache = new Map<string, { installation: AnyInstallation; until: number }>();

  constructor(
    private readonly key: Buffer,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  async storeInstallation(installation: AnyInstallation): Promise<void> {
    const key = keyOf(installation);
    await saveInstallation(
      {
        ...key,
        appId: installation.appId,
        botUserId: installation.bot?.userId,
        scopes: installation.bot?.scopes ?? [],
        installedBy: installation.user?.id,
        installedAt: new Date(this.now()),
        secret: JSON.stringify(installation),
      },
      this.key,
    );
    this.cache.delete(installationId(key));
  }

  fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    return this.load(keyOfQuery(query));
  }

  deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    return this.forget(keyOfQuery(query));
  }

  /** Removes an installation (uninstalled, bot token revoked). */
  async forget(key: InstallationKey): Promise<void> {
    this.cache.delete(installationId(key));
    await deleteInstallation(key);
  }

  /** Drops what this process remembers (the next lookup reads the database). */
  forgetCached(): void {
    this.cache.clear();
  }

  /** The bot token of a workspace's installation (scheduled jobs post with it). */
  async botToken(teamId: string): Promise<string> {
    const key = { teamId, isEnterpriseInstall: false };
    const token = (await this.load(key)).bot?.token;
    if (!token) throw new NotInstalledError(key);
    return token;
  }

  private async load(key: InstallationKey): Promise<AnyInstallation> {
    const id = installationId(key);
    const hit = this.cache.get(id);
    if (hit && hit.until > this.now()) return hit.installation;
    const secret = await loadInstallationSecret(key, this.key);
    if (secret === null) {
      this.cache.delete(id);
      throw new NotInstalledError(key);
    }
    const installation = JSON.parse(secret) as AnyInstallation;
    this.cache.set(id, { installation, until: this.now() + this.ttlMs });
    return installation;
  }
}
