/**
 * A small closed-loop load generator for signed Slack requests: bodies are built and signed before the
 * clock starts, sent over keep-alive connections by `concurrency` workers, each timed from request to
 * the end of the response (the HTTP ack Slack waits for).
 */
import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";

export interface SignedRequest {
  body: Buffer;
  headers: Record<string, string>;
}

export function signedRequest(
  secret: string,
  body: string,
  contentType: string,
  timestamp?: number,
): SignedRequest {
  const ts = timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
  const buf = Buffer.from(body);
  return {
    body: buf,
    headers: {
      "content-type": contentType,
      "content-length": String(buf.length),
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature,
    },
  };
}

export interface LoadResult {
  /** Milliseconds per request, in completion order. */
  latencies: number[];
  /** HTTP status → count; 0 = connection error. */
  statuses: Map<number, number>;
  wallMs: number;
}

export async function runLoad(
  url: string,
  requests: SignedRequest[],
  concurrency: number,
  /** Reuse warm connections across runs (as Slack's edge does); default: a fresh agent for this run. */
  sharedAgent?: Agent,
): Promise<LoadResult> {
  const target = new URL(url);
  const agent = sharedAgent ?? new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  const one = (req: SignedRequest) =>
    new Promise<void>((resolve) => {
      const started = process.hrtime.bigint();
      const r = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: req.headers,
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
            count(res.statusCode ?? 0);
            resolve();
          });
        },
      );
      r.on("error", () => {
        count(0);
        resolve();
      });
      r.end(req.body);
    });
  const worker = async () => {
    while (next < requests.length) {
      const req = requests[next++]!;
      await one(req);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  const wallMs = performance.now() - started;
  if (!sharedAgent) agent.destroy();
  return { latencies, statuses, wallMs };
}

/** A keep-alive agent for up to `maxSockets` concurrent requests to one app. */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, keepAliveMsecs: 1000 });
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Bursts: `burstSize` requests sent at the same moment (50 people clicking at once), then `between()`
 * (e.g. waiting until the app's post-ack work is done) before the next burst.
 */
export async function runBursts(
  url: string,
  requests: SignedRequest[],
  burstSize: number,
  agent: Agent,
  between: (sent: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let wallMs = 0;
  for (let i = 0; i < requests.length; i += burstSize) {
    const burst = requests.slice(i, i + burstSize);
    const r = await runLoad(url, burst, burst.length, agent);
    latencies.push(...r.latencies);
    for (const [k, v] of r.statuses) statuses.set(k, (statuses.get(k) ?? 0) + v);
    wallMs += r.wallMs;
    await between(i + burst.length);
  }
  return { latencies, statuses, wallMs };
}
