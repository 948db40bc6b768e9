/**
 * `app_uninstalled`: the workspace removed the app, its tokens are void. The installation (and its
 * tokens) is deleted; the team's S&OP data stays, so a reinstall picks the cycle up where it was.
 * Bolt delivers this event without an installation to authorise it (there is none left to use).
 */
import type { App } from "@slack/bolt";
import { logFailure } from "../../src/logger.ts";
import type { AppDeps } from "../deps.ts";
import { forgetInstallation, installationOfEvent } from "./installation-of-event.ts";

export function register(app: App, deps: AppDeps): void {
  app.event("app_uninstalled", async ({ body }) => {
    const key = installationOfEvent(body);
    const log = deps.logger.child({ kind: "event", event: "app_uninstalled", team: key.teamId });
    await deps.inFlight.schedule(() =>
      forgetInstallation(deps, key, log).catch((err) =>
        logFailure(log, err, "app uninstalled, but its installation could not be removed"),
      ),
    );
  });
}
