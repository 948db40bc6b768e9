/**
 * Workspaces, installs and tokens in the Slack stand-in, as Slack's OAuth v2 works: the consent page
 * (GET /oauth/v2/authorize) approves for the workspace the browser is signed in to (Slack's session
 * cookie `d`, here `d=<team>.<user>`) and redirects to the app's redirect URL with a one-time `code` and
 * the app's `state`; `oauth.v2.access` exchanges the code (client id and secret checked, the redirect URI
 * must match the one the consent page got) for a bot token of that workspace. Each token belongs to one
 * workspace; a revoked one (uninstall) answers `token_revoked`. A bot token the stand-in did not issue is
 * the single-workspace token of T0SIM, as before.
 */
import { randomBytes } from "node:crypto";

type Json = Record<string, unknown>;

export interface Workspace {
  teamId: string;
  name: string;
  botUserId: string;
  botId: string;
}

export interface IssuedToken {
  token: string;
  teamId: string;
  scopes: string[];
  revoked: boolean;
}

interface Grant {
  teamId: string;
  userId: string;
  scopes: string[];
  redirectUri: string | undefined;
  used: boolean;
}

export class StandInError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const DEFAULT_TEAM: Workspace = { teamId: "T0SIM", name: "Sim Co", botUserId: "U0BOT", botId: "B0BOT" };

export class StandInWorkspaces {
  readonly clientId = "1234567890.9876543210";
  readonly clientSecret = "0123456789abcdef0123456789abcdef";
  readonly appId = "A0SOP";
  /** The app's redirect URLs as configured in its settings (the manifest's `redirect_urls`). */
  redirectUrls: string[] = [];
  readonly workspaces = new Map<string, Workspace>([[DEFAULT_TEAM.teamId, DEFAULT_TEAM]]);
  readonly tokens = new Map<string, IssuedToken>();
  private readonly grants = new Map<string, Grant>();
  /** The next person on the consent page clicks Cancel. */
  denyNext = false;

  add(teamId: string, name: string): Workspace {
    const suffix = teamId.slice(1);
    const w = { teamId, name, botUserId: `UB${suffix}`, botId: `BB${suffix}` };
    this.workspaces.set(teamId, w);
    return w;
  }

  /** The consent page: where the browser goes next (a redirect), or a page to show. */
  authorize(query: URLSearchParams, cookie: string | undefined): { location?: string; page?: string } {
    if (query.get("client_id") !== this.clientId) return { page: "Invalid client_id parameter" };
    const redirectUri = query.get("redirect_uri") ?? undefined;
    const target = redirectUri ?? this.redirectUrls[0];
    if (!target || (redirectUri !== undefined && !this.redirectUrls.includes(redirectUri)))
      return { page: "redirect_uri did not match any configured URIs" };
    const session = /(?:^|;\s*)d=([^;]+)/.exec(cookie ?? "")?.[1];
    const [teamId, userId] = session ? decodeURIComponent(session).split(".") : [];
    if (!teamId || !userId || !this.workspaces.has(teamId))
      return { page: "<h1>Sign in to your workspace</h1>" };
    const url = new URL(target);
    const state = query.get("state");
    if (state !== null) url.searchParams.set("state", state);
    if (this.denyNext) {
      this.denyNext = false;
      url.searchParams.set("error", "access_denied");
      return { location: url.toString() };
    }
    const code = `${teamId}.${randomBytes(12).toString("hex")}`;
    const scopes = (query.get("scope") ?? "").split(",").filter(Boolean);
    this.grants.set(code, { teamId, userId, scopes, redirectUri, used: false });
    url.searchParams.set("code", code);
    return { location: url.toString() };
  }

  /** oauth.v2.access: the code exchanged for the workspace's bot token. */
  access(args: Json, basicAuth: string | undefined): Json {
    let [id, secret] = [args.client_id, args.client_secret];
    if (basicAuth) [id, secret] = Buffer.from(basicAuth, "base64").toString().split(":");
    if (id !== this.clientId) throw new StandInError("invalid_client_id");
    if (secret !== this.clientSecret) throw new StandInError("bad_client_secret");
    const grant = this.grants.get(String(args.code ?? ""));
    if (!grant) throw new StandInError("invalid_code");
    if (grant.used) throw new StandInError("code_already_used");
    if ((args.redirect_uri ?? undefined) !== grant.redirectUri) throw new StandInError("bad_redirect_uri");
    grant.used = true;
    const w = this.workspaces.get(grant.teamId)!;
    const token = `xoxb-${w.teamId}-${randomBytes(10).toString("hex")}`;
    this.tokens.set(token, { token, teamId: w.teamId, scopes: grant.scopes, revoked: false });
    return {
      app_id: this.appId,
      authed_user: { id: grant.userId },
      scope: grant.scopes.join(","),
      token_type: "bot",
      access_token: token,
      bot_user_id: w.botUserId,
      team: { id: w.teamId, name: w.name },
      enterprise: null,
      is_enterprise_install: false,
    };
  }

  /** The workspace a bot token belongs to; throws Slack's error for a revoked token. */
  workspaceOf(token: string): { workspace: Workspace; issued?: IssuedToken } {
    const issued = this.tokens.get(token);
    if (!issued) return { workspace: DEFAULT_TEAM };
    if (issued.revoked) throw new StandInError("token_revoked");
    return { workspace: this.workspaces.get(issued.teamId)!, issued };
  }

  /** The app is uninstalled from a workspace: every token Slack issued there stops working. */
  uninstall(teamId: string): void {
    for (const t of this.tokens.values()) if (t.teamId === teamId) t.revoked = true;
  }

  authTest(token: string): Json {
    const { workspace: w } = this.workspaceOf(token);
    return {
      url: `https://${w.name.toLowerCase().replace(/\W+/g, "")}.slack.com/`,
      team: w.name,
      user: "sop",
      team_id: w.teamId,
      user_id: w.botUserId,
      bot_id: w.botId,
      is_enterprise_install: false,
    };
  }
}
