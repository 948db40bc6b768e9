/**
 * A local stand-in for Slack's Socket Mode: a WebSocket server the app reaches through the URL that
 * `apps.connections.open` (on the Web API stand-in) hands out. It speaks as Slack does: `hello` when a
 * connection opens, envelopes of type `slash_commands`, `interactive` and `events_api`, and `disconnect`
 * with a reason (`refresh_requested` when Slack recycles a connection). Every envelope must be
 * acknowledged with its `envelope_id` within 3 s; the acknowledgement's payload is what an HTTP ack's
 * body would be (e.g. `response_action: "errors"` for a modal).
 */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { ACK_LIMIT_MS, slackDeadline } from "./slack-deadlines.ts";

type Json = Record<string, unknown>;

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

export interface Ack {
  envelopeId: string;
  /** What the app sent back with the acknowledgement ({} for a bare ack). */
  payload: Json;
  ms: number;
}

/** Slack gives an app 3 s to acknowledge an envelope; later, it shows the user an error. */
export { ACK_LIMIT_MS };

interface Pending {
  resolve(ack: Ack): void;
  reject(err: Error): void;
  sentAt: number;
  timer: NodeJS.Timeout;
}

export class SocketModeStandIn {
  /** Connections opened so far (a reconnect adds one). */
  connectionsOpened = 0;
  /** Every acknowledgement received, in order, including late ones. */
  readonly acks: Ack[] = [];
  /** Messages from the app that are not acknowledgements of a known envelope (a bug if any). */
  readonly strays: unknown[] = [];
  private server: WebSocketServer | undefined;
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, Pending>();
  private readonly tickets = new Set<string>();
  private readonly waiters = new Set<() => void>();

  async start(): Promise<this> {
    this.server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await new Promise<void>((r) => this.server!.once("listening", () => r()));
    this.server.on("connection", (socket, req) => {
      const ticket = new URL(req.url ?? "/", "ws://x").searchParams.get("ticket") ?? "";
      // A URL from apps.connections.open is good for one connection, as Slack's are.
      if (!this.tickets.delete(ticket)) {
        socket.close(4001, "invalid ticket");
        return;
      }
      this.connectionsOpened += 1;
      this.sockets.add(socket);
      socket.on("close", () => {
        this.sockets.delete(socket);
        this.notify();
      });
      socket.on("message", (data) => this.onMessage(data.toString()));
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: this.sockets.size,
          debug_info: { host: "applink-standin", build_number: 1, approximate_connection_time: 3600 },
          connection_info: { app_id: "A0SOP" },
        }),
      );
      this.notify();
    });
    return this;
  }

  async stop(): Promise<void> {
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = undefined;
  }

  /** What `apps.connections.open` answers: a fresh single-use URL. */
  newConnectionUrl(): string {
    const ticket = randomBytes(8).toString("hex");
    this.tickets.add(ticket);
    const port = (this.server!.address() as AddressInfo).port;
    return `ws://127.0.0.1:${port}/link/?ticket=${ticket}&app_id=A0SOP`;
  }

  get openConnections(): number {
    return this.sockets.size;
  }

  /** Resolves once a connection is open (after `hello`); `atLeast` counts connections ever opened. */
  async connected(atLeast = 1, timeoutMs = 30_000): Promise<void> {
    await this.waitFor(
      () => this.sockets.size > 0 && this.connectionsOpened >= atLeast,
      timeoutMs,
      `Socket Mode connection #${atLeast}`,
    );
  }

  /**
   * Sends an envelope on the open connection and resolves with its acknowledgement. Rejects when none
   * arrives within Slack's 3 s — the failure a user would see.
   */
  send(type: EnvelopeType, payload: Json, opts: { retryAttempt?: number } = {}): Promise<Ack> {
    const socket = [...this.sockets].at(-1);
    if (!socket) return Promise.reject(new Error("socket-mode stand-in: no open connection"));
    const envelopeId = randomBytes(16).toString("hex");
    const envelope: Json = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== "events_api",
    };
    if (type === "events_api") {
      envelope.retry_attempt = opts.retryAttempt ?? 0;
      envelope.retry_reason = opts.retryAttempt ? "timeout" : "";
    }
    return new Promise<Ack>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelopeId);
        reject(new Error(`socket-mode stand-in: envelope ${type} not acknowledged within 3 s`));
      }, slackDeadline(ACK_LIMIT_MS));
      this.pending.set(envelopeId, { resolve, reject, sentAt: performance.now(), timer });
      socket.send(JSON.stringify(envelope));
    });
  }

  /** Slack asks the app to reconnect (it recycles the connection's host). */
  requestRefresh(reason: "refresh_requested" | "warning" | "link_disabled" = "refresh_requested"): void {
    for (const s of this.sockets)
      s.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "applink-standin" } }));
  }

  /** The network drops every connection without a close handshake. */
  dropConnections(): void {
    for (const s of this.sockets) s.terminate();
  }

  async waitFor(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error(`socket-mode stand-in: timed out waiting for ${what}`);
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

  private notify(): void {
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  private onMessage(text: string): void {
    let msg: { envelope_id?: string; payload?: Json };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      this.strays.push(text);
      return;
    }
    const id = msg.envelope_id;
    const pending = id ? this.pending.get(id) : undefined;
    if (!id || !pending) {
      this.strays.push(msg);
      return;
    }
    this.pending.delete(id);
    clearTimeout(pending.timer);
    const ack: Ack = { envelopeId: id, payload: msg.payload ?? {}, ms: performance.now() - pending.sentAt };
    this.acks.push(ack);
    pending.resolve(ack);
    this.notify();
  }
}
