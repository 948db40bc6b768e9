/**
 * The "Generate statistical baseline" button (data phase): forecasts every family from the demand
 * actuals and submits the result as the data phase's plan version, recorded as the clicking user —
 * who must be an owner of the data phase (the submission path checks it, as for any plan). The sign-off
 * request then goes out like any submission's; the clicker gets the summary ephemerally.
 */
import type { App } from "@slack/bolt";
import { UserError } from "../../src/errors.ts";
import { generateBaseline } from "../../src/forecast/generate-baseline.ts";
import {
  baselineResultMessage,
  decodeBaselineRef,
  GENERATE_BASELINE_ACTION,
} from "../../views/baseline-button.ts";
import { announceSubmission, Deliveries } from "../cycle-notify.ts";
import type { AppDeps } from "../deps.ts";
import { KNOWN_ACTIONS } from "../known-ids.ts";
import { wrapAction } from "../listener.ts";

export function register(app: App, deps: AppDeps): void {
  KNOWN_ACTIONS.add(GENERATE_BASELINE_ACTION);
  app.action(
    GENERATE_BASELINE_ACTION,
    wrapAction(deps, async (ctx) => {
      const period = decodeBaselineRef((ctx.action as { value?: string }).value);
      if (!period) throw new UserError("bad_input", "This button is not valid any more. Nothing changed.");
      const at = ctx.deps.clock.now();
      const g = await ctx.commit(`the statistical baseline for ${period}`, () =>
        generateBaseline(
          { teamId: ctx.teamId, period, by: ctx.userId, at, source: "baseline-button" },
          ctx.log,
        ),
      );
      const { cfg, cycle, phase, version } = g.submitted;
      const d = new Deliveries(ctx.log);
      await announceSubmission(ctx.client, d, cfg, cycle, phase, version, at);
      const message = baselineResultMessage({
        period,
        version,
        families: g.plan.families.length,
        lines: g.plan.lines.length,
        total: g.plan.total,
        skipped: g.plan.skipped,
        historyFrom: g.historyFrom,
        historyTo: g.historyTo,
        horizon: g.plan.horizon,
        precision: g.plan.precision,
      });
      const note = d.note();
      if (note) message.blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: note.trim() }] });
      await ctx.reply(message);
    }),
  );
}
