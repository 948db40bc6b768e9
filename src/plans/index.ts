/** Plans: CSV parsing and checks, immutable stored versions, summaries. */
export { approvedPlan, latestPlan } from "./approved-plan.ts";
export { formatProblem, type PlanProblem, type PlanRules, parsePlanCsv, planRulesFor } from "./plan-csv.ts";
export { type PlanLine, planLines } from "./plan-lines.ts";
export type { PlanSummary } from "./plan-summary.ts";
