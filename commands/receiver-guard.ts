/**
 * Bolt 5.1's HTTPReceiver reads `body.ssl_check` on whatever the signed body parses to; a body that is the
 * JSON `null` (or `payload=null`) throws inside a fire-and-forget promise: an unhandled rejection (which
 * ends a Node process by default) and a request left hanging, which also blocks graceful shutdown.
 * Found by test/reliability/hostile-input.test.ts. This guard buffers the body first (Bolt reuses the
 * buffer) and answers such bodies with 400, as Bolt does for other malformed bodies.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { HTTPModuleFunctions, type HTTPReceiver } from "@slack/bolt";

function isNullBody(raw: Buffer, contentType: string | undefined): boolean {
  const text = raw.toString();
  if (contentType === "application/x-www-form-urlencoded") {
    const payload = parseQuery(text).payload;
    return typeof payload === "string" && payload.trim() === "null";
  }
  return text.trim() === "null";
}

export function guardNullBodies(receiver: HTTPReceiver, endpoint = "/slack/events"): void {
  const next = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://localhost").pathname !== endpoint)
      return next(req, res);
    HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then(
      (buffered) => {
        if (isNullBody(buffered.rawBody, req.headers["content-type"])) {
          res.writeHead(400);
          res.end();
          return;
        }
        next(buffered, res);
      },
      (err: { type?: string; statusCode?: number }) => {
        res.writeHead(err.type === "entity.too.large" || err.statusCode === 413 ? 413 : 400);
        res.end();
      },
    );
  };
}
