/** Which installation an Events API delivery is about, and removing it (uninstall, revoked bot token). */

import type { Logger } from "../../src/logger.ts";
import type { InstallationKey } from "../../src/store/installations.ts";
import type { AppDeps } from "../deps.ts";
import { handleEventOnce } from "./handle-once.ts";

export function installationOfEvent(body: unknown): InstallationKey {
  const b = body as {
    team_id?: string;
    enterprise_id?: string | null;
    is_enterprise_install?: boolean;
    authorizations?: { is_enterprise_install?: boolean }[];
  };
  return {
    teamId: b.team_id,
    enterpriseId: b.enterprise_id ?? undefined,
    isEnterpriseInstall: b.is_enterprise_install ?? b.authorizations?.[0]?.is_enterprise_install ?? false,
  };
}

export async function forgetInstallation(deps: AppDeps, key: InstallationKey, log: Logger): Promise<void> {
  if (!deps.installations) {
    // One workspace: the token is in the environment, nothing is stored to remove.
    log.warn("the workspace's bot token is void now: set a new SLACK_BOT_TOKEN (or reinstall the app)");
    return;
  }
  await deps.installations.forget(key);
  log.info("installation removed (its tokens deleted); the team's S&OP data is kept");
}

/** Removes the installation an event is about, once per delivery (after the ack; Slack's retries dropped). */
export function forgetInstallationOnce(
  deps: AppDeps,
  e: { body: unknown; key: InstallationKey; retryNum?: number; log: Logger; failure: string },
): Promise<void> {
  return handleEventOnce(deps, {
    body: e.body,
    teamId: e.key.teamId ?? e.key.enterpriseId ?? "",
    retryNum: e.retryNum,
    log: e.log,
    failure: e.failure,
    work: () => forgetInstallation(deps, e.key, e.log),
  });
}
