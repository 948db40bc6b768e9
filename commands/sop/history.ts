/** `/sop history [PERIOD]`: the cycle's audit trail; any member. */
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { noCycle } from "../../src/cycle/explain.ts";
import { currentPeriod } from "../../src/cycle/period.ts";
import { requirePeriod } from "../../src/cycle/start-cycle.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { historyMessage } from "../../views/history.ts";
import type { Subcommand } from "./subcommand.ts";

export const history: Subcommand = {
  name: "history",
  aliases: ["log", "audit"],
  run: async (ctx) => {
    const cfg = await requireTeamConfig(ctx.teamId);
    const period = ctx.args[0]
      ? requirePeriod(ctx.args[0])
      : currentPeriod(cfg.timezone, ctx.deps.clock.now());
    const cycle = await getCycle(ctx.teamId, period);
    if (!cycle) throw noCycle(period);
    await ctx.reply(historyMessage(cycle));
  },
};
