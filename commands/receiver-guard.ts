/**
 * Bolt 5.1's HTTPReceiver reads `body.ssl_check` on whatever the signed body parses to; a body that is the
 * JSON `null` (or `payload=null`) throws inside a fire-and-forget promise: an unhandled rejection (which
 * ends a Node process by default) and a request left hanging, which also blocks graceful shutdown.
 * Found by test/reliability/hostile-input.test.ts. This guard buffers the body first (Bolt reuses the
 * buffer) and answers such bodies with 400, as Bolt does for other malformed bodies. A body Bolt cannot
 * classify (no event, command, actions, view or shortcut type: `{}`, `[]`, `5`, `{"type":"block_actions"}`
 * without actions) reaches no listener and would hang until Bolt's unhandled-request cut; it gets 400 at once.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { HTTPModuleFunctions, type HTTPReceiver } from "@slack/bolt";

/** The body kinds Bolt's App dispatches (its getTypeAndConversation), plus what its receiver answers itself. */
const DISPATCHED_TYPES = new Set([
  "url_verification",
  "block_suggestion",
  "dialog_submission",
  "shortcut",
  "message_action",
  "view_submission",
  "view_closed",
]);

function isClassifiable(buffered: Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]): boolean {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return true; // Bolt answers unparsable bodies itself
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return (
    b.ssl_check !== undefined ||
    b.event !== undefined ||
    b.command !== undefined ||
    b.name !== undefined ||
    b.actions !== undefined ||
    (typeof b.type === "string" && DISPATCHED_TYPES.has(b.type))
  );
}

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
        if (isNullBody(buffered.rawBody, req.headers["content-type"]) || !isClassifiable(buffered)) {
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
