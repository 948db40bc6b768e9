/** Every listener of the app, one line per folder or feature; commands/app.ts and the manifest use it. */
import type { App } from "@slack/bolt";
import { register as registerGenerateBaseline } from "./actions/generate-baseline.ts";
import { register as registerCycle } from "./cycle.ts";
import { register as registerDecisions } from "./decisions/index.ts";
import type { AppDeps } from "./deps.ts";
import { register as registerInstallationEvents } from "./events/index.ts";
import { register as registerExecDashboard } from "./exec-dashboard.ts";
import { register as registerKnownIds } from "./known-ids.ts";
import { register as registerSop } from "./sop/index.ts";
import { register as registerImportActuals } from "./submissions/import-actuals.ts";

export function registerListeners(app: App, deps: AppDeps): void {
  registerKnownIds(app);
  registerSop(app, deps);
  registerCycle(app, deps);
  registerGenerateBaseline(app, deps);
  registerExecDashboard(app, deps);
  registerImportActuals(app, deps);
  registerInstallationEvents(app, deps);
  registerDecisions(app, deps);
}
