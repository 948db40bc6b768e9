/**
 * Generates the statistical baseline and submits it as the data phase's plan version — through the
 * cycle's own submission path (owner and state checks, the plan CSV parser, a new immutable version,
 * one atomic transition), so a baseline is a plan like any other and goes to sign-off as usual.
 * Used by `sop forecast` and the "Generate statistical baseline" button.
 */
import { checkSubmission, type SubmitPlanResult, submitPlan } from "../cycle/submit-plan.ts";
import { UserError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { actualsRows } from "../store/actuals/index.ts";
import { addDays } from "../time/dates.ts";
import { addMonths } from "../time/period.ts";
import { BASELINE_PHASE_ID, type BaselinePlan, baselineCsv, baselinePlan } from "./baseline-plan.ts";
import { monthlyHistories } from "./monthly-history.ts";

export interface GenerateBaselineInput {
  teamId: string;
  period: string;
  /** Who submits it (an owner of the data phase): the CLI's --user or the clicking user. */
  by: string;
  at: Date;
  source: "cli" | "baseline-button";
}

export interface GeneratedBaseline {
  plan: BaselinePlan;
  submitted: SubmitPlanResult;
  /** First month of history used by any family; null when none. */
  historyFrom: string | null;
  /** Last month of history: the month before the cycle. */
  historyTo: string;
}

export async function generateBaseline(
  input: GenerateBaselineInput,
  log?: Logger,
): Promise<GeneratedBaseline> {
  const { teamId, period, by } = input;
  // Fail fast (not an owner, phase not open, no cycle) before reading history and forecasting.
  const { cfg } = await checkSubmission(teamId, period, BASELINE_PHASE_ID, by);
  // History is every month before the cycle's: the periods starting before its first day.
  const history = await actualsRows(teamId, "demand", {
    from: "0000-01-01",
    to: addDays(`${period}-01`, -1),
  });
  const histories = monthlyHistories(history, period);
  const plan = baselinePlan(histories, {
    cycleMonth: period,
    horizon: cfg.horizonMonths,
    families: cfg.families,
  });
  const historyTo = addMonths(period, -1);
  if (plan.lines.length === 0) {
    throw new UserError(
      "not_found",
      `There is no demand history before ${period} to forecast from.`,
      plan.skipped.length ? [`families without history: ${plan.skipped.slice(0, 20).join(", ")}`] : [],
      { step: "import-demand", teamId },
    );
  }
  const used = histories.filter((h) => plan.families.some((f) => f.family === h.family));
  const historyFrom = used.length ? used.map((h) => h.firstMonth).sort()[0]! : null;
  const comment = `Statistical baseline: ${plan.families.length} famil${plan.families.length === 1 ? "y" : "ies"} forecast from demand actuals ${historyFrom} to ${historyTo}${plan.skipped.length ? `; ${plan.skipped.length} without history left out` : ""}.`;
  const submitted = await submitPlan(
    {
      teamId,
      period,
      phase: BASELINE_PHASE_ID,
      by,
      at: input.at,
      csv: baselineCsv(plan.lines),
      comment,
      source: input.source,
      fileName: `baseline-${period}.csv`,
    },
    log,
  );
  log?.info(
    { teamId, period, families: plan.families.length, lines: plan.lines.length },
    "baseline generated",
  );
  return { plan, submitted, historyFrom, historyTo };
}
