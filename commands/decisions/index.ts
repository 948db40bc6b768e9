/** Registers the decision and action item listeners: the message shortcut, the log form, Close, App Home. */
import type { App } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { register as registerClose } from "./close-item.ts";
import { register as registerHome } from "./home-section.ts";
import { register as registerShortcut } from "./log-shortcut.ts";
import { register as registerSubmission } from "./log-submission.ts";

export function register(app: App, deps: AppDeps): void {
  registerShortcut(app, deps);
  registerSubmission(app, deps);
  registerClose(app, deps);
  registerHome();
}
