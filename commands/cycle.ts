/** Registers every listener of the S&OP cycle: buttons, modal submissions and the App Home. */
import type { App } from "@slack/bolt";
import { register as registerApprove } from "./actions/approve.ts";
import { register as registerOpenSubmit } from "./actions/open-submit.ts";
import { register as registerRequestChangesButton } from "./actions/request-changes.ts";
import type { AppDeps } from "./deps.ts";
import { register as registerAppHome } from "./events/app-home.ts";
import { register as registerRequestChanges } from "./submissions/request-changes.ts";
import { register as registerSetup } from "./submissions/setup.ts";
import { register as registerSubmitPlan } from "./submissions/submit-plan.ts";

export function register(app: App, deps: AppDeps): void {
  registerApprove(app, deps);
  registerRequestChangesButton(app, deps);
  registerOpenSubmit(app, deps);
  registerSubmitPlan(app, deps);
  registerRequestChanges(app, deps);
  registerSetup(app, deps);
  registerAppHome(app, deps);
}
