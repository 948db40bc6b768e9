/** Steady background traffic of signed requests, recorded per request, for fault tests. */
import type { Actor, SlackDriver } from "../../support/slack-driver.ts";

export interface Sent {
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

/** `workers` loops each sending `/sop TEXT` as `actor`, `pauseMs` apart, until stopped. */
export function commandTraffic(
  driver: SlackDriver,
  actor: Actor,
  text: string,
  opts: { workers?: number; pauseMs?: number; stopOnRefused?: boolean } = {},
): Traffic {
  const sent: Sent[] = [];
  let running = true;
  const worker = async () => {
    while (running) {
      const at = Date.now();
      const { body, responseId, triggerId } = driver.commandBody(actor, text);
      try {
        const http = await driver.post(body, "application/x-www-form-urlencoded");
        sent.push({ at, status: http.status, ackMs: http.ms, responseId, triggerId });
      } catch (err) {
        sent.push({ at, status: 0, ackMs: Date.now() - at, responseId, triggerId, error: String(err) });
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
