/**
 * `/sop status [PERIOD]`: any member; the cycle's phases, owners, approvers, due dates, what blocks, and
 * its open action items.
 */
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { nearbyCycles } from "../../src/cycle/nearby-cycles.ts";
import { currentPeriod } from "../../src/cycle/period.ts";
import { requirePeriod } from "../../src/cycle/start-cycle.ts";
import { cycleReport } from "../../src/cycle/status-report.ts";
import { cycleItems } from "../../src/store/decision-items.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { localDateOf } from "../../src/time/dates.ts";
import { openItemsBlocks } from "../../views/item-log.ts";
import { noCycleMessage, statusMessage } from "../../views/status.ts";
import type { Subcommand } from "./subcommand.ts";

export const status: Subcommand = {
  name: "status",
  run: async (ctx) => {
    const now = ctx.deps.clock.now();
    const cfg = await requireTeamConfig(ctx.teamId);
    const period = ctx.args[0] ? requirePeriod(ctx.args[0]) : currentPeriod(cfg.timezone, now);
    const cycle = await getCycle(ctx.teamId, period);
    if (!cycle) {
      const nearby = (await nearbyCycles(ctx.teamId, cfg, now)).map((c) => c.period);
      return ctx.reply(noCycleMessage(period, nearby));
    }
    const message = statusMessage(cycleReport(cycle, cfg, now));
    const open = openItemsBlocks(await cycleItems(ctx.teamId, period), localDateOf(now, cfg.timezone));
    await ctx.reply({ ...message, blocks: [...(message.blocks ?? []), ...open] });
  },
};
