/**
 * Distribution through OAuth (SLACK_CLIENT_ID and companions): Bolt's own OAuth — the options `App` would
 * hand its default receiver (clientId, clientSecret, stateSecret, scopes, installationStore) given to our
 * receiver, which serves GET /slack/install (straight on to Slack's consent page, a state cookie set) and
 * GET /slack/oauth_redirect (state checked, code exchanged with oauth.v2.access, installation stored).
 * The bot scopes requested are the manifest's, so an install grants exactly what the code needs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { InstallProviderOptions } from "@slack/oauth";
import { repoRoot } from "../../src/db/provision.ts";
import { type Env, encryptionKey, usesOAuth } from "../../src/env.ts";
import { type Logger, logFailure } from "../../src/logger.ts";
import { installedPage, installFailedPage } from "./install-pages.ts";
import { MongoInstallationStore } from "./installation-store.ts";

export const INSTALL_PATH = "/slack/install";
export const REDIRECT_PATH = "/slack/oauth_redirect";

/** The bot scopes of manifest.json (checked against the code by test/foundation/manifest.test.ts). */
export function manifestBotScopes(): string[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot, "manifest.json"), "utf8"));
  return manifest.oauth_config.scopes.bot as string[];
}

/** Slack's consent page, next to the Web API (a stand-in serves both in tests). */
export function authorizationUrl(env: Pick<Env, "SLACK_API_URL">): string {
  return new URL("../oauth/v2/authorize", env.SLACK_API_URL).toString();
}

export interface OAuthSetup {
  store: MongoInstallationStore;
  /** Spread into the HTTPReceiver's or SocketModeReceiver's options. */
  receiverOptions: {
    clientId: string;
    clientSecret: string;
    stateSecret: string;
    scopes: string[];
    redirectUri?: string;
    installationStore: MongoInstallationStore;
    installerOptions: {
      directInstall: boolean;
      installPath: string;
      redirectUriPath: string;
      clientOptions: InstallProviderOptions["clientOptions"];
      authorizationUrl: string;
      callbackOptions: NonNullable<import("@slack/oauth").CallbackOptions>;
      port?: number;
    };
  };
}

/** The OAuth set-up for `env`, or undefined in single-workspace mode (SLACK_BOT_TOKEN). */
export function oauthSetup(
  env: Env,
  logger: Logger,
  clientOptions: InstallProviderOptions["clientOptions"],
): OAuthSetup | undefined {
  if (!usesOAuth(env)) return undefined;
  const store = new MongoInstallationStore(encryptionKey(env));
  const log = logger.child({ component: "oauth" });
  return {
    store,
    receiverOptions: {
      clientId: env.SLACK_CLIENT_ID!,
      clientSecret: env.SLACK_CLIENT_SECRET!,
      stateSecret: env.SLACK_STATE_SECRET!,
      scopes: manifestBotScopes(),
      ...(env.SLACK_REDIRECT_URI ? { redirectUri: env.SLACK_REDIRECT_URI } : {}),
      installationStore: store,
      installerOptions: {
        // The install link goes straight to Slack's consent page (no page of our own in between).
        directInstall: true,
        installPath: INSTALL_PATH,
        redirectUriPath: REDIRECT_PATH,
        clientOptions,
        authorizationUrl: authorizationUrl(env),
        ...(env.SLACK_APP_TOKEN ? { port: env.PORT } : {}),
        callbackOptions: {
          success: (installation, _opts, _req, res) => {
            const team = installation.team?.id ?? installation.enterprise?.id ?? "";
            log.info({ team, by: installation.user?.id }, "installed in a workspace");
            installedPage(res, installation.team?.name ?? installation.enterprise?.name ?? team, team);
          },
          failure: (error, _opts, _req, res) => {
            const ref = logFailure(
              log,
              error,
              "an installation did not complete",
              { code: error.code },
              "warn",
            );
            installFailedPage(res, error.code ?? "error", ref);
          },
        },
      },
    },
  };
}
