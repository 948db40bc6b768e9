/**
 * Every action id and view callback id the app answers. Requests for anything else (stale buttons from
 * an older version, forged payloads) are acked and dropped here, so Slack never sees a timeout.
 */
import type { App } from "@slack/bolt";

export const KNOWN_ACTIONS = new Set<string>([]);
export const KNOWN_VIEWS = new Set<string>([]);

export function register(app: App): void {
  app.use(async ({ body, ack, next, logger }) => {
    const b = body as { type?: string; actions?: { action_id?: string }[]; view?: { callback_id?: string } };
    if (b.type === "block_actions") {
      const id = b.actions?.[0]?.action_id;
      if (!id || !KNOWN_ACTIONS.has(id)) {
        logger.warn(`ignored unknown action ${String(id).slice(0, 60)}`);
        await ack?.();
        return;
      }
    }
    if (b.type === "view_submission" || b.type === "view_closed") {
      const id = b.view?.callback_id;
      if (!id || !KNOWN_VIEWS.has(id)) {
        logger.warn(`ignored unknown view ${String(id).slice(0, 60)}`);
        await ack?.();
        return;
      }
    }
    await next();
  });
}
