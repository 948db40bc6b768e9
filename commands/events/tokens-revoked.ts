/**
 * `tokens_revoked`: tokens of the app were revoked in a workspace. When the bot token is among them the
 * installation is useless and is deleted (a reinstall brings a new one); revoked user tokens alone change
 * nothing here, as the app holds none.
 */
import type { App } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { forgetInstallationOnce, installationOfEvent } from "./installation-of-event.ts";

export function register(app: App, deps: AppDeps): void {
  app.event("tokens_revoked", async ({ body, event, context }) => {
    const key = installationOfEvent(body);
    const log = deps.logger.child({ kind: "event", event: "tokens_revoked", team: key.teamId });
    const bots = event.tokens?.bot ?? [];
    if (bots.length === 0) {
      log.info({ users: event.tokens?.oauth?.length ?? 0 }, "user tokens revoked; the app holds none");
      return;
    }
    await forgetInstallationOnce(deps, {
      body,
      key,
      retryNum: context.retryNum,
      log,
      failure: "bot token revoked, but its installation could not be removed",
    });
  });
}
