/**
 * The message shortcut "Log as S&OP decision / action": on any message the app can see, opens the log
 * form with the message's text and a permalink to it, for the cycle open now.
 */
import type { App } from "@slack/bolt";
import { cycleForItems } from "../../src/decisions/log-item.ts";
import { logFailure } from "../../src/logger.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { ITEM_IDS } from "../../views/item-ids.ts";
import type { AppDeps } from "../deps.ts";
import { wrapMessageShortcut } from "../listener.ts";
import { openItemModal } from "./open-item-modal.ts";

export function register(app: App, deps: AppDeps): void {
  app.shortcut(
    { callback_id: ITEM_IDS.shortcut, type: "message_action" },
    wrapMessageShortcut(deps, async (ctx) => {
      const { shortcut } = ctx;
      const cfg = await requireTeamConfig(ctx.teamId);
      const cycle = await cycleForItems(cfg, ctx.deps.clock.now());
      const channel = shortcut.channel?.id ?? "";
      const ts = shortcut.message?.ts ?? shortcut.message_ts ?? "";
      // The link is a courtesy: a channel the app cannot read gives none, and the item is logged anyway.
      const permalink = await ctx.client.chat
        .getPermalink({ channel, message_ts: ts })
        .then((r) => r.permalink ?? null)
        .catch((err) => {
          logFailure(ctx.log, err, "no permalink for the shortcut's message", { channel }, "warn");
          return null;
        });
      await openItemModal(ctx.client, ctx.triggerId, {
        cfg,
        cycle,
        userId: ctx.userId,
        meta: { kind: null, source: channel && ts ? `${channel}|${ts}` : null, permalink },
        draft: { text: String(shortcut.message?.text ?? ""), owner: null, dueDate: null },
      });
    }),
  );
}
