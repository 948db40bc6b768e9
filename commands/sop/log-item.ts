/**
 * `/sop decide [PERIOD] [text]` and `/sop action [PERIOD] [@owner] [YYYY-MM-DD] [text]`: open the log
 * form for the cycle open now (or PERIOD), filled with what was typed.
 */
import { isPeriod } from "../../src/cycle/period.ts";
import type { ItemKind } from "../../src/decisions/item.ts";
import { cycleForItems } from "../../src/decisions/log-item.ts";
import { parseItemText } from "../../src/decisions/parse-text.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { openItemModal } from "../decisions/open-item-modal.ts";
import type { Subcommand } from "./subcommand.ts";

function logSubcommand(name: string, kind: ItemKind): Subcommand {
  return {
    name,
    opensModal: true,
    run: async (ctx) => {
      const [first, ...rest] = ctx.args;
      const period = first && isPeriod(first) ? first : undefined;
      const words = period ? rest : ctx.args;
      const cfg = await requireTeamConfig(ctx.teamId);
      const cycle = await cycleForItems(cfg, ctx.deps.clock.now(), period);
      await openItemModal(ctx.client, ctx.triggerId, {
        cfg,
        cycle,
        userId: ctx.userId,
        meta: { kind, source: null, permalink: null },
        draft: parseItemText(words.join(" ")),
      });
    },
  };
}

export const decide = logSubcommand("decide", "decision");
export const action = logSubcommand("action", "action");
