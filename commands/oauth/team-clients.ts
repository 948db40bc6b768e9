/**
 * The Web API client to use for a team outside a request (scheduled jobs): with one workspace the app's
 * client (SLACK_BOT_TOKEN); with OAuth distribution a client with that team's own bot token from its
 * installation, so a job for one workspace can never post with another's token.
 */
import { WebClient, type WebClientOptions } from "@slack/web-api";
import { JobFailedError } from "../../src/schedule/job.ts";
import { type MongoInstallationStore, NotInstalledError } from "./installation-store.ts";

export interface SlackClients {
  forTeam(teamId: string): Promise<WebClient>;
}

export function singleClient(client: WebClient): SlackClients {
  return { forTeam: async () => client };
}

export function asClients(clients: WebClient | SlackClients): SlackClients {
  return clients instanceof WebClient ? singleClient(clients) : clients;
}

/**
 * A client per installed team's bot token (one per token, made on first use; `onNew` sees each). A team
 * without an installation (uninstalled, never installed) fails its run, not retried: a retry cannot help.
 */
export function installedClients(
  store: MongoInstallationStore,
  options: WebClientOptions,
  onNew: (client: WebClient) => void = () => {},
): SlackClients {
  const byToken = new Map<string, WebClient>();
  return {
    forTeam: async (teamId) => {
      const token = await store.botToken(teamId).catch((err) => {
        if (!(err instanceof NotInstalledError)) throw err;
        throw new JobFailedError({
          what: "Slack installation",
          code: "not_installed",
          retryable: false,
          message: `${err.message}: reinstall it from /slack/install`,
        });
      });
      let client = byToken.get(token);
      if (!client) {
        client = new WebClient(token, { ...options, teamId });
        byToken.set(token, client);
        onNew(client);
      }
      return client;
    },
  };
}
