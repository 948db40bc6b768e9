/** The events about the app's installation in a workspace (App Home is registered with the cycle). */
import type { App } from "@slack/bolt";
import type { AppDeps } from "../deps.ts";
import { register as registerAppUninstalled } from "./app-uninstalled.ts";
import { register as registerTokensRevoked } from "./tokens-revoked.ts";

export function register(app: App, deps: AppDeps): void {
  registerAppUninstalled(app, deps);
  registerTokensRevoked(app, deps);
}
