/**
 * `/sop submit PHASE [PERIOD]`: phase owners only. After a quick check the modal opens at once (the
 * trigger_id expires 3 s after the click); everything is checked again when the modal is submitted.
 */
import type { WebClient } from "@slack/web-api";
import { nearbyCycles } from "../../src/cycle/nearby-cycles.ts";
import { mentionAll } from "../../src/cycle/people.ts";
import { addMonths, currentPeriod } from "../../src/cycle/period.ts";
import { requirePeriod } from "../../src/cycle/start-cycle.ts";
import { checkSubmission } from "../../src/cycle/submit-plan.ts";
import { UserError } from "../../src/errors.ts";
import { expectedHeader, planRulesFor } from "../../src/plans/plan-csv.ts";
import type { TeamConfig } from "../../src/team/team-config.ts";
import { requireTeamConfig } from "../../src/team/team-config-store.ts";
import { submitPlanModal } from "../../views/submit-modal.ts";
import type { Subcommand } from "./subcommand.ts";

/** Without PERIOD: the nearby cycle where this phase takes a submission; ambiguous → ask. */
async function pickPeriod(teamId: string, cfg: TeamConfig, phaseId: string, now: Date): Promise<string> {
  const cycles = await nearbyCycles(teamId, cfg, now);
  const open = cycles.filter((c) => {
    const s = c.phases[phaseId]?.status;
    return s === "open" || s === "changes_requested";
  });
  if (open.length === 1) return open[0]!.period;
  if (open.length > 1) {
    throw new UserError(
      "bad_input",
      `${phaseId} is open in ${open.map((c) => c.period).join(" and ")}: say which, e.g. \`/sop submit ${phaseId} ${open[0]!.period}\`.`,
    );
  }
  return cycles.at(-1)?.period ?? currentPeriod(cfg.timezone, now);
}

/** Checks the owner and the phase's state, then opens the submit modal. */
export async function openSubmitModal(
  client: WebClient,
  o: { teamId: string; userId: string; phaseId: string; period?: string; triggerId: string; now: Date },
): Promise<void> {
  const cfg = await requireTeamConfig(o.teamId);
  const template = cfg.phases.find((p) => p.id === o.phaseId);
  // The cheap check first: a non-owner never waits for the cycle lookups.
  if (template && !template.owners.includes(o.userId)) {
    throw new UserError(
      "not_authorized",
      `Only the owners of ${template.name} (${mentionAll(template.owners)}) can submit its plan.`,
    );
  }
  const period = o.period ? requirePeriod(o.period) : await pickPeriod(o.teamId, cfg, o.phaseId, o.now);
  const { cycle, phase } = await checkSubmission(o.teamId, period, o.phaseId, o.userId, cfg);
  const rules = planRulesFor(cfg, phase.id, period);
  await client.views.open({
    trigger_id: o.triggerId,
    view: submitPlanModal({
      cycle,
      phase,
      header: expectedHeader(rules),
      horizon: { from: period, to: addMonths(period, cfg.horizonMonths - 1) },
    }),
  });
}

export const submit: Subcommand = {
  name: "submit",
  opensModal: true,
  run: async (ctx) => {
    const phaseId = (ctx.args[0] ?? "").toLowerCase();
    if (!phaseId) {
      const cfg = await requireTeamConfig(ctx.teamId);
      throw new UserError(
        "bad_input",
        `Usage: \`/sop submit PHASE [PERIOD]\` — phases: ${cfg.phases.map((p) => p.id).join(", ")}.`,
      );
    }
    await openSubmitModal(ctx.client, {
      teamId: ctx.teamId,
      userId: ctx.userId,
      phaseId,
      period: ctx.args[1],
      triggerId: ctx.triggerId,
      now: ctx.deps.clock.now(),
    });
  },
};
