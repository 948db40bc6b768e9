/** Reads the request a sign-off button (or the request-changes modal) refers to; the value is untrusted. */
import { isPeriod } from "../../src/cycle/period.ts";
import { UserError } from "../../src/errors.ts";
import { type DecisionRef, decodeDecisionRef } from "../../views/cycle-ids.ts";

export function requireDecisionRef(raw: unknown): DecisionRef {
  const ref = decodeDecisionRef(raw);
  if (!ref || !isPeriod(ref.period)) {
    throw new UserError(
      "stale",
      "This button does not belong to a current sign-off request. Nothing changed.",
    );
  }
  return ref;
}

/** The message a click came from, when it came from a channel message (not the App Home). */
export function clickedMessage(body: {
  container?: { type?: string; message_ts?: string; channel_id?: string };
  channel?: { id?: string };
}): { channel: string; ts: string } | null {
  const c = body.container;
  const channel = c?.channel_id ?? body.channel?.id;
  return c?.type === "message" && c.message_ts && channel ? { channel, ts: c.message_ts } : null;
}

export function fromHome(body: { view?: { type?: string } }): boolean {
  return body.view?.type === "home";
}
