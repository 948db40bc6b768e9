/** Steady background traffic of signed requests, recorded per request, for fault tests. */
import type { Actor, SlackDriver } from "../../support/slack-driver.ts";

export interface Sent {
  /** The command text and who sent it. */
  text: string;
  actor: Actor;
  /** When the request was sent (ms since epoch). */
  at: number;
  /** HTTP status of the ack, or 0 when the connection failed (refused, reset). */
  status: number;
  ackMs: number;
  responseId: string;
  triggerId: string;
  error?: string;
}

export interface Traffic {
  sent: Sent[];
  /** Stops sending; resolves when every worker has finished its current request. */
  stop(): Promise<void>;
}

/**
 * `workers` loops each sending `/sop TEXT` as `actor`, `pauseMs` apart, until stopped (or, with `next`,
 * until it returns null: each call gives the next command to send).
 */
export function commandTraffic(
  driver: SlackDriver,
  actor: Actor,
  text: string | (() => { actor: Actor; text: string } | null),
  opts: { workers?: number; pauseMs?: number; stopOnRefused?: boolean } = {},
): Traffic {
  const sent: Sent[] = [];
  let running = true;
  const worker = async () => {
    while (running) {
      const at = Date.now();
      const cmd = typeof text === "string" ? { actor, text } : text();
      if (!cmd) return;
      const { body, responseId, triggerId } = driver.commandBody(cmd.actor, cmd.text);
      const base = { at, responseId, triggerId, text: cmd.text, actor: cmd.actor };
      try {
        const http = await driver.post(body, "application/x-www-form-urlencoded");
        sent.push({ ...base, status: http.status, ackMs: http.ms });
      } catch (err) {
        sent.push({ ...base, status: 0, ackMs: Date.now() - at, error: String(err) });
        if (opts.stopOnRefused) return;
      }
      await new Promise((r) => setTimeout(r, opts.pauseMs ?? 20));
    }
  };
  const done = Promise.all(Array.from({ length: opts.workers ?? 4 }, worker));
  return {
    sent,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
