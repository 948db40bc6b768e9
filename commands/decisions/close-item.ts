/**
 * Close action item (the log message, the owner's DM, a reminder): its owner only; of any number of
 * concurrent clicks exactly one closes it (one insert wins) and the others are told who closed it.
 */
import type { App } from "@slack/bolt";
import { closeActionItem } from "../../src/decisions/log-item.ts";
import { logFailure } from "../../src/logger.ts";
import { ITEM_IDS } from "../../views/item-ids.ts";
import { itemLogMessage } from "../../views/item-log.ts";
import { notice } from "../../views/notice.ts";
import { clickedMessage, fromHome } from "../actions/decision-ref.ts";
import { Deliveries } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { publishHome } from "../events/app-home.ts";
import { KNOWN_ACTIONS } from "../known-ids.ts";
import { wrapAction } from "../listener.ts";

export function register(app: App, deps: AppDeps): void {
  KNOWN_ACTIONS.add(ITEM_IDS.close);
  app.action(
    ITEM_IDS.close,
    wrapAction(deps, async (ctx) => {
      const id = String((ctx.action as { value?: unknown }).value ?? "").slice(0, 200);
      const r = await ctx.commit("the close of this action item", () =>
        closeActionItem(ctx.teamId, id, ctx.userId, ctx.deps.clock.now()),
      );
      const d = new Deliveries(ctx.log);
      const closed = itemLogMessage(r.item, r.cfg.timezone);
      const clicked = clickedMessage(ctx.body);
      const messages = [r.logMessage, clicked].filter(
        (m, i, all): m is { channel: string; ts: string } =>
          m !== null && all.findIndex((x) => x?.channel === m.channel && x?.ts === m.ts) === i,
      );
      for (const m of messages)
        await d.try("the update of the action item's message", () =>
          ctx.client.chat.update({ channel: m.channel, ts: m.ts, ...closed }),
        );
      await ctx.reply(
        notice(`:white_check_mark: Closed the action item of the ${r.item.period} cycle.${d.note()}`),
      );
      if (fromHome(ctx.body))
        await publishHome(ctx.client, deps, ctx.teamId, ctx.userId).catch((err) =>
          logFailure(ctx.log, err, "App Home not refreshed after closing an action item", {}, "warn"),
        );
    }),
  );
}
