/** `/sop start PERIOD` (admins): opens the cycle, posts the kickoff, DMs the first phase's owners. */
import { formatWhen, mention } from "../../src/cycle/people.ts";
import { phaseRoles } from "../../src/cycle/roles.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { cycleReport } from "../../src/cycle/status-report.ts";
import { UserError } from "../../src/errors.ts";
import { kickoffMessage } from "../../views/kickoff.ts";
import { notice } from "../../views/notice.ts";
import { phaseOpenedDm } from "../../views/phase-dm.ts";
import { Deliveries, dm, post } from "../cycle-notify.ts";
import type { Subcommand } from "./subcommand.ts";

export const start: Subcommand = {
  name: "start",
  run: async (ctx) => {
    if (!ctx.args[0])
      throw new UserError("bad_input", "Usage: `/sop start PERIOD`, e.g. `/sop start 2027-01`.");
    const now = ctx.deps.clock.now();
    const { cfg, cycle, created } = await ctx.commit(`the start of the ${ctx.args[0]} cycle`, () =>
      startCycle({ teamId: ctx.teamId, period: ctx.args[0]!, by: ctx.userId, at: now }, ctx.log),
    );
    if (!created) {
      ctx.record.unchanged();
      return ctx.reply(
        notice(
          `:information_source: The ${cycle.period} cycle was already started by ${mention(cycle.startedBy)} on ${formatWhen(cycle.startedAt, cycle.timezone)}. Nothing changed — \`/sop status ${cycle.period}\` shows where it is.`,
        ),
      );
    }
    const d = new Deliveries(ctx.log);
    const report = cycleReport(cycle, cfg, now);
    await post(ctx.client, d, "the kickoff message", cfg.channels.sop, kickoffMessage(cycle, report));
    const first = cycle.phases[cycle.order[0]!]!;
    await dm(ctx.client, d, phaseRoles(cfg, cycle, first.id).owners, phaseOpenedDm(cycle, first, null));
    await ctx.reply(
      notice(
        `:rocket: Started the ${cycle.period} cycle: *${first.name}* is open, its owners have been told, and the kickoff is in <#${cfg.channels.sop}>.${d.note()}`,
      ),
    );
  },
};
