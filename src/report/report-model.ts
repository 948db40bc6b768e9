/**
 * The S&OP report: everything the executive meeting decides on, as one plain model that the Slack
 * summary, the PDF, the workbook and `sop report --json` all render. Pure: built from the grid inputs
 * of each scenario, the logged decisions and action items, and the KPI scorecard.
 */
import type { LoggedItem } from "../decisions/item.ts";
import { logOrder } from "../decisions/item.ts";
import type { RagStatus } from "../kpi/targets.ts";
import type { FamilyGrid, GridMonths, GridThresholds, RollupGrid } from "./grid-types.ts";
import { groupRollups } from "./rollup.ts";
import { runScenario, type ScenarioInput, type ScenarioSummary } from "./scenarios.ts";

/** When the report was built: as pre-S&OP opened, as the executive phase approved, or on request. */
export type ReportStage = "pre_sop" | "exec" | "on_request";

export interface KpiScore {
  key: string;
  label: string;
  value: number | null;
  /** The value as shown ("93.1 %", "6.5 d", "no data"). */
  display: string;
  target: string;
  status: RagStatus;
}

export interface KpiScorecard {
  from: string;
  to: string;
  rows: KpiScore[];
}

export interface PlanSource {
  phase: string;
  phaseName: string;
  version: number;
  scenario: string | null;
}

export interface SopReport {
  teamId: string;
  period: string;
  stage: ReportStage;
  generatedAt: Date;
  timezone: string;
  currency: string | null;
  months: GridMonths;
  thresholds: GridThresholds;
  /** The scenario the family grids show: the approved one, else the first (base). */
  shownScenario: string;
  /** The scenario the executive phase approved, once it has. */
  approvedScenario: string | null;
  /** Flagged families first (worst first), then by horizon demand, then by name. */
  families: FamilyGrid[];
  groups: RollupGrid[];
  company: RollupGrid;
  scenarios: ScenarioSummary[];
  /** Decisions and action items of the cycle, open actions first. */
  items: LoggedItem[];
  kpis: KpiScorecard | null;
  plans: PlanSource[];
  /** Caveats worth a line, e.g. families with no on-hand figure. */
  notes: string[];
  /** Display names of the people the report mentions (user id → name); ids are shown where missing. */
  people: Record<string, string>;
}

export interface ReportInputs {
  teamId: string;
  period: string;
  stage: ReportStage;
  generatedAt: Date;
  timezone: string;
  currency: string | null;
  months: GridMonths;
  thresholds: GridThresholds;
  /** At least one; the first is the base. */
  scenarios: ScenarioInput[];
  approvedScenario: string | null;
  items: LoggedItem[];
  kpis: KpiScorecard | null;
  plans: PlanSource[];
  people?: Record<string, string>;
}

export function familyOrder(a: FamilyGrid, b: FamilyGrid): number {
  return (
    Number(b.summary.flags.length > 0) - Number(a.summary.flags.length > 0) ||
    b.summary.severity - a.summary.severity ||
    b.summary.unitsShort - a.summary.unitsShort ||
    b.summary.demandTotal - a.summary.demandTotal ||
    (a.family < b.family ? -1 : a.family > b.family ? 1 : 0)
  );
}

export function buildReport(input: ReportInputs): SopReport {
  if (input.scenarios.length === 0) throw new Error("a report needs at least one scenario");
  const shown =
    input.scenarios.find((s) => s.name === input.approvedScenario) ?? (input.scenarios[0] as ScenarioInput);
  const results = input.scenarios.map((s) => runScenario(s, input.months, input.thresholds));
  const main = results[input.scenarios.indexOf(shown)]!;
  const families = [...main.grids].sort(familyOrder);
  const assumed = families.filter((g) => g.openingAssumed).length;
  const notes: string[] = [];
  if (assumed > 0)
    notes.push(
      `${assumed} ${assumed === 1 ? "family has" : "families have"} no on-hand figure for the end of ${input.months.closed.at(-1) ?? "the last closed month"}: 0 assumed.`,
    );
  return {
    teamId: input.teamId,
    period: input.period,
    stage: input.stage,
    generatedAt: input.generatedAt,
    timezone: input.timezone,
    currency: input.currency,
    months: input.months,
    thresholds: input.thresholds,
    shownScenario: shown.name,
    approvedScenario: input.approvedScenario,
    families,
    groups: groupRollups(main.grids, input.months),
    company: main.company,
    scenarios: results.map((r) => r.summary),
    items: [...input.items].sort(logOrder),
    kpis: input.kpis,
    plans: input.plans,
    notes,
    people: input.people ?? {},
  };
}

/** The families that need a decision (any flag), worst first. */
export function flaggedFamilies(report: SopReport): FamilyGrid[] {
  return report.families.filter((g) => g.summary.flags.length > 0);
}

export function openActions(report: SopReport): LoggedItem[] {
  return report.items.filter((i) => i.kind === "action" && i.status === "open");
}

/** A person's display name in the report, else their id. */
export function personName(report: SopReport, userId: string | null): string {
  if (!userId) return "–";
  return report.people[userId] ?? userId;
}

export const STAGE_LABEL: Record<ReportStage, string> = {
  pre_sop: "as pre-S&OP opened",
  exec: "as the executive S&OP approved the plan",
  on_request: "on request",
};

/** Every month of the grid, closed months first. */
export function reportMonths(report: SopReport): string[] {
  return [...report.months.closed, ...report.months.horizon];
}
