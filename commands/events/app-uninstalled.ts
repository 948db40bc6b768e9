/**
 * `app_uninstalled`: the workspace removed the app, its tokens are void. The installation (and its
 * tokens) is deleted; the team's S&OP data stays, so a reinstall picks the cycle up where it was.
 * Bolt delivers this event without an installation to authorise it (there is none left to use).
 */
import type { App } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { forgetInstallationOnce, installationOfEvent } from "./installation-of-event.ts";

export function register(app: App, deps: AppDeps): void {
  app.event("app_uninstalled", async ({ body, context }) => {
    const key = installationOfEvent(body);
    const log = deps.logger.child({ kind: "event", event: "app_uninstalled", team: key.teamId });
    await forgetInstallationOnce(deps, {
      body,
      key,
      retryNum: context.retryNum,
      log,
      failure: "app uninstalled, but its installation could not be removed",
    });
  });
}
