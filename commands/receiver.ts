/**
 * The receiver Slack talks to: HTTP at /slack/events with the signing secret, or Socket Mode when an
 * app-level token is set (the Web API base URL then also serves `apps.connections.open`, so a local
 * stand-in can drive it). Both serve the extra routes (GET /healthz) on PORT, and with OAuth
 * distribution the install and redirect paths (commands/oauth/oauth-options.ts).
 */
import type { CustomRoute } from "@slack/bolt";
import { type Logger as BoltLogger, HTTPReceiver, type Receiver, SocketModeReceiver } from "@slack/bolt";
import type { Env } from "../src/env.ts";
import type { OAuthSetup } from "./oauth/oauth-options.ts";
import { guardNullBodies } from "./receiver-guard.ts";

/** Web API client settings shared by the app's client, Socket Mode's connection and the OAuth flow. */
export function webApiOptions(env: Pick<Env, "SLACK_API_URL">) {
  return {
    slackApiUrl: env.SLACK_API_URL,
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 5000 },
  };
}

export function createReceiver(
  env: Env,
  logger: BoltLogger,
  customRoutes: CustomRoute[],
  oauth?: OAuthSetup,
): Receiver {
  if (env.SLACK_APP_TOKEN) {
    return new SocketModeReceiver({
      appToken: env.SLACK_APP_TOKEN,
      customRoutes,
      logger,
      ...oauth?.receiverOptions,
      installerOptions: {
        ...oauth?.receiverOptions.installerOptions,
        port: env.PORT,
        // apps.connections.open goes where every other Web API call goes.
        clientOptions: { slackApiUrl: env.SLACK_API_URL },
      },
    });
  }
  const receiver = new HTTPReceiver({
    ...oauth?.receiverOptions,
    signingSecret: env.SLACK_SIGNING_SECRET ?? "",
    endpoints: "/slack/events",
    customRoutes,
    logger,
    // A listener failure must never become a 5xx that makes Slack retry: our wrappers answer the user.
    processEventErrorHandler: async ({ error, response, logger: log }) => {
      log.error(`unhandled error while processing a request: ${String(error)}`);
      if (!response.headersSent) {
        response.writeHead(200);
        response.end();
      }
      return true;
    },
  });
  guardNullBodies(receiver);
  return receiver;
}
