/**
 * `/sop kpi [PERIOD]`: any member; every KPI of the month (default: the current month in the team's time
 * zone) with value, target, RAG status and the change against a week earlier, ephemerally; plus the
 * forecast value added when the team's cycles have the plans for it.
 */
import { periodReport } from "../../src/kpi/period-report.ts";
import { loadTeamConfig } from "../../src/team/team-config-store.ts";
import { kpiSummaryMessage } from "../../views/kpi-summary.ts";
import { fvaBlocks } from "../forecast-phase-notify.ts";
import type { Subcommand } from "./subcommand.ts";

export const kpi: Subcommand = {
  name: "kpi",
  aliases: ["kpis"],
  run: async (ctx) => {
    const cfg = await loadTeamConfig(ctx.teamId);
    const report = await periodReport(ctx.teamId, cfg, ctx.args[0], ctx.deps.clock);
    const extra = cfg ? await fvaBlocks(cfg, { from: report.from, to: report.to }, { log: ctx.log }) : [];
    await ctx.reply(kpiSummaryMessage(report, extra));
  },
};
