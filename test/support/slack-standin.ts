/**
 * A local stand-in for the Slack Web API, reached by the app through SLACK_API_URL. It records every
 * call, answers like Slack (including `ok:false` errors and HTTP 429 with Retry-After), enforces Block Kit
 * limits, receives response_url posts and file uploads. Where it matters it is as strict as Slack: a
 * trigger_id once and for 3 s, a response_url 5 times in 30 minutes, about one message per second per
 * channel, file shares that complete asynchronously, image URLs fetched and slack_files checked against
 * the viewer, a 10 MB cap on files from a modal's file input, an unauthorised file download answered
 * with a sign-in page (status 200), and `missing_scope` for a call the token's scopes do not cover.
 * The tests and `npm run demo` both use it.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parse as parseQuery } from "node:querystring";
import { METHOD_SCOPES } from "../../scripts/manifest/method-scopes.ts";
import { checkMessage, checkView } from "./block-kit-limits.ts";
import type { SocketModeStandIn } from "./socket-mode-standin.ts";
import { ImageChecker, TINY_PNG } from "./standin-images.ts";
import { SlackLedger } from "./standin-ledger.ts";
import { StandInError, StandInWorkspaces } from "./standin-workspaces.ts";

type Json = Record<string, unknown>;

export interface ApiCall {
  method: string;
  args: Json;
  /** The token the call was made with (Authorization header or `token` argument). */
  token: string;
  /** The workspace that token belongs to. */
  teamId?: string;
  /** What the stand-in answered: ok, or the Slack error code. */
  ok: boolean;
  error?: string;
  status: number;
  at: number;
}

export interface ResponseUrlPost {
  id: string;
  body: Json;
  at: number;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  user?: string;
  /** Set for chat.postEphemeral. */
  ephemeralTo?: string;
  threadTs?: string;
  edits: number;
  /** The workspace whose token posted it. */
  teamId?: string;
}

export interface UploadedFile {
  id: string;
  filename: string;
  title?: string;
  bytes: Buffer;
  channel?: string;
  initialComment?: string;
  /** The thread it was shared into (`thread_ts`), if any. */
  threadTs?: string;
  shared: boolean;
  /** Who uploaded it through a modal's file input (files the app uploads have none). */
  owner?: string;
  /** The workspace whose token shared it. */
  teamId?: string;
  /** The app's token does not give access (another workspace's, or a private file): sign-in page. */
  hiddenFromApp?: boolean;
}

/** Slack's file input refuses files over 10 MB. */
export const FILE_INPUT_MAX_BYTES = 10 * 1024 * 1024;

/** The bot scopes the app's manifest requests: what an installed token has. */
export function manifestScopes(): string[] {
  const manifest = JSON.parse(readFileSync(new URL("../../manifest.json", import.meta.url), "utf8"));
  return manifest.oauth_config.scopes.bot as string[];
}

export interface OpenedView {
  id: string;
  view: Json;
  /** The user it was opened for (views.open via trigger) or published to (views.publish). */
  userId?: string;
  triggerId?: string;
  hash: string;
}

type Failure = { error: string } | { status: 429; retryAfter: number };

const BOT_USER = "U0BOT";

export class SlackStandIn {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlPost[] = [];
  /** Posts to a response_url Slack would refuse (used 5 times, expired, unknown). */
  readonly refusedResponses: ResponseUrlPost[] = [];
  readonly messages: PostedMessage[] = [];
  readonly files = new Map<string, UploadedFile>();
  readonly views = new Map<string, OpenedView>();
  /** App Home views by user. */
  readonly homes = new Map<string, Json>();
  /** Users `users.info` knows; others get user_not_found when `strictUsers` is on. */
  readonly users = new Map<string, { name: string; realName: string; tz?: string }>();
  /** Channels that exist; empty means every C/G/D id exists. */
  readonly channels = new Set<string>();
  /** Channels the bot is not a member of (`not_in_channel`). */
  readonly notInChannel = new Set<string>();
  strictUsers = false;
  /** Socket Mode: `apps.connections.open` hands out this server's URLs. */
  socketMode: SocketModeStandIn | undefined;
  /** Simulated latency for every Web API call, ms. */
  latencyMs = 0;
  /** Workspaces, OAuth installs and the tokens they issue. */
  readonly workspaces = new StandInWorkspaces();
  /** Triggers, response_urls and per-channel message rates. */
  readonly ledger = new SlackLedger();
  /** Scopes of the installed bot token (default: the manifest's). */
  grantedScopes = new Set(manifestScopes());
  /** Members of channels that are not open to everyone: only they see files shared there. */
  readonly channelMembers = new Map<string, Set<string>>();
  /** How long after files.completeUploadExternal a file is shared (Slack does it asynchronously). */
  shareDelayMs = 0;
  private readonly images = new ImageChecker({
    exists: (id) => this.files.has(id),
    shared: (id) => this.files.get(id)?.shared === true,
    visibleTo: (id, viewer) => {
      const f = this.files.get(id);
      if (!f?.channel) return false;
      const members = this.channelMembers.get(f.channel);
      return !members || viewer === undefined || members.has(viewer);
    },
    idOfUrl: (url) => /\/files\/(F[A-Z0-9]+)/.exec(url)?.[1],
  });
  private readonly failures = new Map<string, Failure[]>();
  private readonly drops = new Map<string, number>();
  private server: Server | undefined;
  private port = 0;
  private seq = 0;
  private readonly waiters = new Set<() => void>();

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error: "internal_error", detail: String(err) }));
      });
    });
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
    this.server = undefined;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The value for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** The base URL of the stand-in's QuickChart, for QUICKCHART_URL. */
  get quickChartUrl(): string {
    return `${this.baseUrl}/quickchart`;
  }

  /**
   * A file a person picked in a modal's file input; returns its id for the submission's state. Slack's
   * client refuses files over 10 MB, so a test cannot make one.
   */
  userUpload(
    owner: string,
    filename: string,
    bytes: Buffer,
    id = `F${randomBytes(5).toString("hex").toUpperCase()}`,
  ): string {
    if (bytes.length > FILE_INPUT_MAX_BYTES)
      throw new Error(`Slack's file input takes files up to 10 MB (${filename})`);
    this.files.set(id, { id, filename, bytes, shared: false, owner });
    return id;
  }

  newResponseUrl(): { id: string; url: string } {
    const id = randomBytes(6).toString("hex");
    this.ledger.newResponseUrl(id);
    return { id, url: `${this.baseUrl}/response/${id}` };
  }

  /** The next `times` calls of `method` fail with the Slack error or an HTTP 429. */
  failNext(method: string, failure: Failure, times = 1): void {
    const list = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(failure);
    this.failures.set(method, list);
  }

  /**
   * The next `times` calls of `method` get no answer at all: the connection is dropped before Slack
   * handles them (the Web API client sees a request error and retries by its retryConfig).
   */
  dropNext(method: string, times = 1): void {
    this.drops.set(method, (this.drops.get(method) ?? 0) + times);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  responsesTo(id: string): ResponseUrlPost[] {
    return this.responses.filter((r) => r.id === id);
  }

  messagesIn(channel: string): PostedMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  /** The DM channel id the stand-in gives a user. */
  dmOf(userId: string): string {
    return `D${userId}`;
  }

  lastViewFor(userId: string): OpenedView | undefined {
    return [...this.views.values()].filter((v) => v.userId === userId).at(-1);
  }

  /** Resolves when `predicate` holds, checking after every recorded call (tests of work done after ack). */
  async waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 5000, what = "condition"): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = predicate();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`stand-in: timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        const t = setTimeout(done, 50);
        function done() {
          clearTimeout(t);
          r();
        }
        this.waiters.add(done);
      });
    }
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
    this.messages.length = 0;
    this.files.clear();
    this.views.clear();
    this.homes.clear();
    this.failures.clear();
    this.drops.clear();
  }

  private notify(): void {
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.baseUrl);
    const raw = await readBody(req);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (url.pathname.startsWith("/response/")) {
      const id = url.pathname.slice("/response/".length);
      const refused = this.ledger.postToResponseUrl(id);
      if (refused) {
        this.refusedResponses.push({ id, body: JSON.parse(raw.toString() || "{}"), at: Date.now() });
        this.notify();
        return send(res, 404, JSON.stringify({ ok: false, error: refused }), "application/json");
      }
      this.responses.push({ id, body: JSON.parse(raw.toString() || "{}"), at: Date.now() });
      this.notify();
      return send(res, 200, "ok", "text/plain");
    }
    if (url.pathname === "/quickchart/chart") {
      res.writeHead(200, { "content-type": "image/png", "content-length": TINY_PNG.length });
      res.end(TINY_PNG);
      return;
    }
    if (url.pathname.startsWith("/upload/")) {
      const id = url.pathname.slice("/upload/".length);
      const file = this.files.get(id);
      if (!file) return send(res, 404, "unknown upload", "text/plain");
      file.bytes = extractUpload(raw, req.headers["content-type"]);
      this.notify();
      return send(res, 200, `OK - ${file.bytes.length}`, "text/plain");
    }
    if (req.method === "GET" && url.pathname.startsWith("/files/")) {
      // url_private_download: Slack serves a file's bytes only with a token in Authorization; without
      // one it answers with its sign-in page, status 200.
      const file = this.files.get(url.pathname.slice("/files/".length));
      if (!/^Bearer xox[bp]-/.test(req.headers.authorization ?? "") || file?.hiddenFromApp)
        return send(res, 200, SIGN_IN_PAGE, "text/html; charset=utf-8");
      if (!file) return send(res, 404, "file not found", "text/plain");
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
      res.end(file.bytes);
      return;
    }
    if (req.method === "GET" && url.pathname === "/oauth/v2/authorize") {
      const next = this.workspaces.authorize(url.searchParams, req.headers.cookie);
      if (next.location) {
        res.writeHead(302, { location: next.location });
        res.end();
        return;
      }
      return send(res, 200, `<!DOCTYPE html><html><body>${next.page}</body></html>`, "text/html");
    }
    if (!url.pathname.startsWith("/api/")) return send(res, 404, "not found", "text/plain");
    const method = url.pathname.slice("/api/".length);
    const drops = this.drops.get(method) ?? 0;
    if (drops > 0) {
      this.drops.set(method, drops - 1);
      req.socket.destroy();
      return;
    }
    const args = parseArgs(raw, req.headers["content-type"], url.searchParams);
    const auth = req.headers.authorization ?? (typeof args.token === "string" ? `Bearer ${args.token}` : "");
    const call: ApiCall = {
      method,
      args,
      token: auth.replace(/^Bearer /, ""),
      ok: true,
      status: 200,
      at: Date.now(),
    };
    this.calls.push(call);
    const answer = (status: number, body: Json, headers: Record<string, string> = {}) => {
      call.ok = body.ok === true;
      call.status = status;
      if (!call.ok) call.error = String(body.error);
      this.notify();
      send(res, status, JSON.stringify(body), "application/json; charset=utf-8", headers);
    };
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      if ("status" in failure)
        return answer(
          429,
          { ok: false, error: "ratelimited" },
          { "retry-after": String(failure.retryAfter) },
        );
      return answer(200, { ok: false, error: failure.error });
    }
    if (method === "oauth.v2.access") {
      try {
        const basic = /^Basic (.+)$/.exec(auth)?.[1];
        return answer(200, { ok: true, ...this.workspaces.access(args, basic) });
      } catch (err) {
        if (err instanceof StandInError) return answer(200, { ok: false, error: err.code });
        throw err;
      }
    }
    if (method === "apps.connections.open") {
      // Only an app-level token opens a Socket Mode connection.
      if (!/^Bearer xapp-/.test(auth)) return answer(200, { ok: false, error: "not_allowed_token_type" });
      if (!this.socketMode) return answer(200, { ok: false, error: "socket_mode_not_enabled" });
      return answer(200, { ok: true, url: this.socketMode.newConnectionUrl() });
    }
    if (/^Bearer xapp-/.test(auth)) return answer(200, { ok: false, error: "not_allowed_token_type" });
    if (!/^Bearer xox[bp]-/.test(auth)) return answer(200, { ok: false, error: "not_authed" });
    let scopes = this.grantedScopes;
    try {
      const { workspace, issued } = this.workspaces.workspaceOf(call.token);
      call.teamId = workspace.teamId;
      if (issued) scopes = new Set(issued.scopes);
    } catch (err) {
      if (err instanceof StandInError) return answer(200, { ok: false, error: err.code });
      throw err;
    }
    const needed = METHOD_SCOPES[method];
    if (needed?.length && !needed.some((scope) => scopes.has(scope)))
      return answer(200, {
        ok: false,
        error: "missing_scope",
        needed: needed.join(","),
        provided: [...scopes].join(","),
      });
    if (method === "chat.postMessage") {
      const wait = this.ledger.takeChannelSlot(String(args.channel ?? ""));
      if (wait > 0) return answer(429, { ok: false, error: "ratelimited" }, { "retry-after": String(wait) });
    }
    const imageErrors = await this.images.check(
      (args.view as Json | undefined)?.blocks ?? args.blocks,
      this.viewerOf(method, args),
    );
    if (imageErrors.length)
      return answer(200, {
        ok: false,
        error: "invalid_blocks",
        response_metadata: { messages: imageErrors },
      });
    try {
      return answer(200, { ok: true, ...this.dispatch(method, args, call) });
    } catch (err) {
      if (err instanceof SlackError) {
        return answer(200, {
          ok: false,
          error: err.code,
          ...(err.messages ? { response_metadata: { messages: err.messages } } : {}),
        });
      }
      throw err;
    }
  }

  /** Who will see a view (images and files are checked for them). */
  private viewerOf(method: string, args: Json): string | undefined {
    if (method === "views.publish") return String(args.user_id ?? "");
    if (method === "views.open" || method === "views.push")
      return String(args.trigger_id ?? "").split(".")[1];
    if (method === "views.update") return this.views.get(String(args.view_id ?? ""))?.userId;
    return undefined;
  }

  private nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, "0")}`;
  }

  private checkChannel(channel: unknown): string {
    if (typeof channel !== "string" || channel === "") throw new SlackError("channel_not_found");
    if (!/^[CGD][A-Z0-9]+$/.test(channel) && !/^[UW][A-Z0-9]+$/.test(channel))
      throw new SlackError("channel_not_found");
    if (/^[UW]/.test(channel)) return this.dmOf(channel); // posting to a user id lands in the DM
    if (this.channels.size > 0 && !channel.startsWith("D") && !this.channels.has(channel))
      throw new SlackError("channel_not_found");
    if (this.notInChannel.has(channel)) throw new SlackError("not_in_channel");
    return channel;
  }

  private checkBlocks(errors: string[]): void {
    if (errors.length) throw new SlackError("invalid_blocks", errors);
  }

  private dispatch(method: string, args: Json, call: ApiCall): Json {
    switch (method) {
      case "auth.test":
        return this.workspaces.authTest(call.token);
      case "chat.postMessage": {
        const channel = this.checkChannel(args.channel);
        this.checkBlocks(checkMessage(args));
        const ts = this.nextTs();
        this.messages.push({
          channel,
          ts,
          text: args.text as string | undefined,
          blocks: args.blocks as unknown[] | undefined,
          user: BOT_USER,
          threadTs: args.thread_ts as string | undefined,
          edits: 0,
          teamId: call.teamId,
        });
        return {
          channel,
          ts,
          message: { type: "message", text: args.text, blocks: args.blocks, user: BOT_USER, ts },
        };
      }
      case "chat.postEphemeral": {
        const channel = this.checkChannel(args.channel);
        if (typeof args.user !== "string") throw new SlackError("user_not_found");
        this.checkUser(args.user);
        this.checkBlocks(checkMessage(args));
        const ts = this.nextTs();
        this.messages.push({
          channel,
          ts,
          text: args.text as string,
          blocks: args.blocks as unknown[],
          ephemeralTo: args.user,
          edits: 0,
        });
        return { message_ts: ts };
      }
      case "chat.update": {
        const channel = this.checkChannel(args.channel);
        const msg = this.messages.find((m) => m.channel === channel && m.ts === args.ts && !m.ephemeralTo);
        if (!msg) throw new SlackError("message_not_found");
        this.checkBlocks(checkMessage(args));
        msg.text = (args.text as string) ?? msg.text;
        msg.blocks = (args.blocks as unknown[]) ?? msg.blocks;
        msg.edits += 1;
        return { channel, ts: msg.ts, text: msg.text };
      }
      case "chat.delete": {
        const channel = this.checkChannel(args.channel);
        const i = this.messages.findIndex((m) => m.channel === channel && m.ts === args.ts);
        if (i < 0) throw new SlackError("message_not_found");
        this.messages.splice(i, 1);
        return { channel, ts: args.ts };
      }
      case "chat.getPermalink":
        return {
          channel: args.channel,
          permalink: `https://sim.slack.com/archives/${String(args.channel)}/p${String(args.message_ts).replace(".", "")}`,
        };
      case "conversations.open": {
        const users = String(args.users ?? "")
          .split(",")
          .filter(Boolean);
        if (users.length !== 1) throw new SlackError("invalid_arguments");
        this.checkUser(users[0]!);
        return { channel: { id: this.dmOf(users[0]!) } };
      }
      case "users.info": {
        const id = String(args.user ?? "");
        this.checkUser(id);
        const u = this.users.get(id) ?? { name: id.toLowerCase(), realName: id };
        return {
          user: {
            id,
            team_id: "T0SIM",
            name: u.name,
            real_name: u.realName,
            tz: u.tz ?? "Europe/Berlin",
            profile: { real_name: u.realName, display_name: u.name },
          },
        };
      }
      case "views.open":
      case "views.push": {
        const refused = this.ledger.useTrigger(args.trigger_id);
        if (refused) throw new SlackError(refused);
        const view = args.view as Json;
        this.checkBlocks(checkView(view));
        const id = `V${randomBytes(5).toString("hex").toUpperCase()}`;
        const userId = String(args.trigger_id).split(".")[1];
        const opened = {
          id,
          view,
          triggerId: String(args.trigger_id),
          userId,
          hash: randomBytes(4).toString("hex"),
        };
        this.views.set(id, opened);
        return { view: { id, hash: opened.hash, ...view } };
      }
      case "views.update": {
        const id = String(args.view_id ?? "");
        const existing = this.views.get(id);
        if (!existing) throw new SlackError("not_found");
        if (typeof args.hash === "string" && args.hash !== existing.hash)
          throw new SlackError("hash_conflict");
        const view = args.view as Json;
        this.checkBlocks(checkView(view));
        existing.view = view;
        existing.hash = randomBytes(4).toString("hex");
        return { view: { id, hash: existing.hash, ...view } };
      }
      case "views.publish": {
        const userId = String(args.user_id ?? "");
        this.checkUser(userId);
        const view = args.view as Json;
        this.checkBlocks(checkView(view));
        this.homes.set(userId, view);
        return { view: { id: `VHOME${userId}`, ...view } };
      }
      case "files.getUploadURLExternal": {
        const length = Number(args.length);
        if (!args.filename || !Number.isFinite(length) || length <= 0)
          throw new SlackError("invalid_arguments");
        const id = `F${randomBytes(5).toString("hex").toUpperCase()}`;
        this.files.set(id, { id, filename: String(args.filename), bytes: Buffer.alloc(0), shared: false });
        return { upload_url: `${this.baseUrl}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const list = (typeof args.files === "string" ? JSON.parse(args.files) : args.files) as {
          id: string;
          title?: string;
        }[];
        const channel = args.channel_id ? this.checkChannel(args.channel_id) : undefined;
        const out = list.map((f) => {
          const file = this.files.get(f.id);
          if (!file || file.bytes.length === 0) throw new SlackError("file_not_found");
          file.title = f.title;
          file.channel = channel;
          file.teamId = call.teamId;
          file.initialComment = args.initial_comment as string | undefined;
          file.threadTs = args.thread_ts as string | undefined;
          // Slack shares the file in the background: it shows up (and may be referenced) a moment later.
          if (channel !== undefined)
            setTimeout(() => {
              file.shared = true;
              this.notify();
            }, this.shareDelayMs);
          return { id: file.id, title: f.title ?? file.filename, name: file.filename };
        });
        return { files: out };
      }
      case "files.info": {
        const file = this.files.get(String(args.file));
        if (!file) throw new SlackError("file_not_found");
        return {
          file: {
            id: file.id,
            name: file.filename,
            url_private_download: `${this.baseUrl}/files/${file.id}`,
            size: file.bytes.length,
            shares: file.shared && file.channel ? { public: { [file.channel]: [{ ts: "1.000001" }] } } : {},
          },
        };
      }
      case "conversations.info": {
        const channel = this.checkChannel(args.channel);
        return {
          channel: { id: channel, name: channel.toLowerCase(), is_member: !this.notInChannel.has(channel) },
        };
      }
      default:
        throw new SlackError("unknown_method");
    }
  }

  private checkUser(id: string): void {
    if (!/^[UW][A-Z0-9]+$/.test(id)) throw new SlackError("user_not_found");
    if (this.strictUsers && !this.users.has(id)) throw new SlackError("user_not_found");
  }
}

const SIGN_IN_PAGE =
  '<!DOCTYPE html><html><head><title>Slack</title></head><body><form action="/signin" method="post"><h1>Sign in to your workspace</h1></form></body></html>';

class SlackError extends Error {
  constructor(
    readonly code: string,
    readonly messages?: string[],
  ) {
    super(code);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((res, rej) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => res(Buffer.concat(chunks)));
    req.on("error", rej);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(body);
}

/** The Web API client sends form fields; nested objects (blocks, view, files) arrive as JSON strings. */
function parseArgs(raw: Buffer, contentType: string | undefined, query: URLSearchParams): Json {
  let args: Json = Object.fromEntries(query.entries());
  const text = raw.toString();
  if (contentType?.includes("application/json")) args = { ...args, ...(text ? JSON.parse(text) : {}) };
  else if (text) args = { ...args, ...(parseQuery(text) as Json) };
  for (const key of ["blocks", "view", "attachments", "files"]) {
    const v = args[key];
    if (typeof v === "string" && /^[[{]/.test(v)) {
      try {
        args[key] = JSON.parse(v);
      } catch {
        /* Slack would reject it; leave as is */
      }
    }
  }
  return args;
}

/** Files arrive as a raw body or as multipart/form-data (what files.uploadV2 sends). */
function extractUpload(raw: Buffer, contentType: string | undefined): Buffer {
  const m = contentType?.match(/boundary=(?:"([^"]+)"|([^;]+))/);
  if (!m) return raw;
  const boundary = Buffer.from(`--${m[1] ?? m[2]}`);
  const start = raw.indexOf(boundary);
  const headerEnd = raw.indexOf("\r\n\r\n", start);
  const end = raw.indexOf(boundary, headerEnd);
  if (start < 0 || headerEnd < 0 || end < 0) return raw;
  return raw.subarray(headerEnd + 4, end - 2);
}
