/**
 * The log form's Log: checked before the ack (who may log, each field, so problems show under their
 * input), stored after it by one unique insert; then the log message in the S&OP channel (its Close
 * button for an action item), the owner's DM, and a receipt to the person who logged it.
 */
import type { App } from "@slack/bolt";
import { isPeriod } from "../../src/cycle/period.ts";
import type { ItemKind } from "../../src/decisions/item.ts";
import { ItemRejectedError, prepareItem } from "../../src/decisions/log-item.ts";
import { UserError } from "../../src/errors.ts";
import { logItem, recordLogMessage } from "../../src/store/decision-items.ts";
import { decodeItemMeta, ITEM_IDS, ITEM_INPUTS } from "../../views/item-ids.ts";
import { actionAssignedDm, itemLogMessage } from "../../views/item-log.ts";
import { notice } from "../../views/notice.ts";
import { Deliveries, dm, post } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_VIEWS } from "../known-ids.ts";
import { type ViewOutcome, wrapViewSubmission } from "../listener.ts";
import { choiceValue, stateOf, textValue } from "../submissions/view-values.ts";

const FIELD_BLOCK = {
  text: ITEM_INPUTS.text.block,
  owner: ITEM_INPUTS.owner.block,
  dueDate: ITEM_INPUTS.dueDate.block,
  phase: ITEM_INPUTS.phase.block,
} as const;

export function register(app: App, deps: AppDeps): void {
  KNOWN_VIEWS.add(ITEM_IDS.modal);
  app.view(
    ITEM_IDS.modal,
    wrapViewSubmission(deps, { errorBlockId: ITEM_INPUTS.text.block }, async (ctx): Promise<ViewOutcome> => {
      const meta = decodeItemMeta(ctx.view.private_metadata);
      if (!meta || !isPeriod(meta.period))
        throw new UserError("stale", "This form is out of date. Close it and log the item again.");
      const values = stateOf(ctx.view);
      const chosen = choiceValue(values, ITEM_INPUTS.kind, "option");
      const kind: ItemKind | null =
        meta.kind ?? (chosen === "decision" || chosen === "action" ? chosen : null);
      if (!kind)
        return {
          ack: {
            response_action: "errors",
            errors: { [ITEM_INPUTS.kind.block]: "Choose decision or action item." },
          },
        };
      const at = ctx.deps.clock.now();
      let prepared: Awaited<ReturnType<typeof prepareItem>>;
      try {
        prepared = await prepareItem({
          teamId: ctx.teamId,
          period: meta.period,
          kind,
          text: textValue(values, ITEM_INPUTS.text),
          owner: choiceValue(values, ITEM_INPUTS.owner, "user"),
          dueDate: choiceValue(values, ITEM_INPUTS.dueDate, "date"),
          phase: choiceValue(values, ITEM_INPUTS.phase, "option"),
          permalink: meta.permalink,
          source: meta.source,
          by: ctx.userId,
          at,
        });
      } catch (err) {
        if (!(err instanceof ItemRejectedError)) throw err;
        const errors: Record<string, string> = {};
        for (const [field, problem] of Object.entries(err.problems))
          errors[FIELD_BLOCK[field as keyof typeof FIELD_BLOCK]] = problem!;
        return { ack: { response_action: "errors", errors } };
      }
      const { cfg, item } = prepared;
      return {
        after: async () => {
          const r = await ctx.commit(`the ${kind === "action" ? "action item" : "decision"}`, () =>
            logItem(item),
          );
          if (!r.created) {
            ctx.record.unchanged();
            return ctx.reply(
              notice(
                `:information_source: This ${kind === "action" ? "action item" : "decision"} was already logged${r.item.createdBy === ctx.userId ? " by you" : ""}. Nothing new was stored.`,
              ),
            );
          }
          const d = new Deliveries(ctx.log);
          const where = await post(
            ctx.client,
            d,
            "the log message",
            cfg.channels.sop,
            itemLogMessage(r.item, cfg.timezone),
          );
          const link = where
            ? await d.try("a link to the log message", async () => {
                const p = await ctx.client.chat.getPermalink({
                  channel: where.channel,
                  message_ts: where.ts,
                });
                return p.permalink ?? null;
              })
            : null;
          if (where)
            await d.try("the log message's place", () =>
              recordLogMessage(ctx.teamId, r.item.id, where, r.item.permalink ? null : link),
            );
          if (r.item.kind === "action" && r.item.owner && r.item.owner !== ctx.userId)
            await dm(ctx.client, d, [r.item.owner], actionAssignedDm(r.item, link));
          await ctx.reply(
            notice(
              `:white_check_mark: Logged the ${kind === "action" ? `action item for <@${r.item.owner}>, due ${r.item.dueDate}` : "decision"} in the ${r.item.period} cycle; it is in <#${cfg.channels.sop}> and in the S&OP report.${d.note()}`,
            ),
          );
        },
      };
    }),
  );
}
