/**
 * Forecast value added over a window, from the database: demand actuals vs the plans the team was
 * working to. Used by `/sop kpi` and the digest.
 *
 * Which plans judge a month: the latest cycle at or before that month (within the team's horizon)
 * whose data phase (the statistical baseline) and demand phase (the consensus) both have an approved
 * version — the plans in force for it. A month belongs to the window when its first day lies in it
 * (DESIGN §4); weekly actuals are spread over their days into complete months first (see
 * monthly-history.ts).
 */

import type { CycleState } from "../cycle/cycle-state.ts";
import { getCycle } from "../cycle/cycle-store.ts";
import {
  type FvaPlanLine,
  type FvaReport,
  type FvaRow,
  forecastValueAdded,
  fvaRows,
} from "../forecast/fva.ts";
import { type DemandActualRow, type MonthlyActual, monthlyActuals } from "../forecast/monthly-history.ts";
import { planLines } from "../plans/plan-lines.ts";
import { actualsRows } from "../store/actuals/index.ts";
import { loadPlanVersion } from "../store/plan-versions.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { addDays } from "../time/dates.ts";
import { addMonths, monthWindow } from "../time/period.ts";

/** The phase whose plan is the statistical baseline, and the one whose plan is the consensus. */
export const BASELINE_PHASE = "data";
export const CONSENSUS_PHASE = "demand";

export interface WindowFva {
  report: FvaReport;
  /** Months compared, oldest first. */
  months: string[];
  /** Cycle periods whose plans were used, oldest first. */
  cycles: string[];
}

/**
 * The demand rows that make up the complete months starting in `window`: periods starting from six days
 * before it (a week that began in the month before spills into the first month) to the end of its last
 * month (the weeks completing that month).
 */
export function fvaActualsWindow(window: { from: string; to: string }): { from: string; to: string } {
  return { from: addDays(window.from, -6), to: monthWindow(window.to.slice(0, 7)).to };
}

/** Demand actuals for FVA over `window` (see fvaActualsWindow), optionally one family. */
export async function loadDemandActualRows(
  teamId: string,
  window: { from: string; to: string },
  family?: string,
): Promise<DemandActualRow[]> {
  return actualsRows(teamId, "demand", { ...fvaActualsWindow(window), family });
}

function hasBothPlans(cycle: CycleState | null): cycle is CycleState {
  return (
    cycle !== null &&
    cycle.phases[BASELINE_PHASE]?.approvedVersion != null &&
    cycle.phases[CONSENSUS_PHASE]?.approvedVersion != null
  );
}

/** Plan lines by month, for one phase's approved version. */
async function linesByMonth(cycle: CycleState, phase: string): Promise<Map<string, FvaPlanLine[]>> {
  const version = cycle.phases[phase]!.approvedVersion!;
  const plan = await loadPlanVersion(cycle.teamId, cycle.period, phase, version);
  const out = new Map<string, FvaPlanLine[]>();
  if (!plan) return out;
  for (const l of planLines(plan)) {
    const list = out.get(l.period) ?? [];
    list.push({ family: l.family, period: l.period, quantity: l.quantity });
    out.set(l.period, list);
  }
  return out;
}

/** FVA per family and overall for months starting in `[from, to]` (ISO dates, inclusive). */
export async function loadForecastValueAdded(
  cfg: TeamConfig,
  window: { from: string; to: string },
  opts: { family?: string } = {},
): Promise<WindowFva> {
  return forecastValueAddedOf(cfg, window, await loadDemandActualRows(cfg.team, window, opts.family), opts);
}

/**
 * FVA over `window` from demand rows already read (at least those of fvaActualsWindow), so a caller
 * that needs the same rows for something else reads them once.
 */
export async function forecastValueAddedOf(
  cfg: TeamConfig,
  window: { from: string; to: string },
  demand: readonly DemandActualRow[],
  opts: { family?: string } = {},
): Promise<WindowFva> {
  const teamId = cfg.team;
  const cycles = new Map<string, Promise<CycleState | null>>();
  const cycleAt = (period: string) => {
    let c = cycles.get(period);
    if (!c) {
      c = getCycle(teamId, period);
      cycles.set(period, c);
    }
    return c;
  };
  // The cycle judging each month first: without one there is nothing to compare, and the demand rows
  // need not be put into months at all (a team with actuals but no approved plans yet).
  const judged: { month: string; cycle: CycleState }[] = [];
  for (const month of monthsStartingIn(window)) {
    for (let back = 0; back < cfg.horizonMonths; back++) {
      const candidate = await cycleAt(addMonths(month, -back));
      if (hasBothPlans(candidate)) {
        judged.push({ month, cycle: candidate });
        break;
      }
    }
  }
  if (judged.length === 0) return { report: forecastValueAdded([]), months: [], cycles: [] };

  const own = opts.family === undefined ? demand : demand.filter((r) => r.family === opts.family);
  const byMonth = new Map<string, MonthlyActual[]>();
  for (const a of monthlyActuals(own)) {
    const list = byMonth.get(a.period) ?? [];
    list.push(a);
    byMonth.set(a.period, list);
  }
  const plans = new Map<
    string,
    Promise<{ baseline: Map<string, FvaPlanLine[]>; consensus: Map<string, FvaPlanLine[]> }>
  >();
  const plansOf = (cycle: CycleState) => {
    let p = plans.get(cycle.period);
    if (!p) {
      p = Promise.all([linesByMonth(cycle, BASELINE_PHASE), linesByMonth(cycle, CONSENSUS_PHASE)]).then(
        ([baseline, consensus]) => ({ baseline, consensus }),
      );
      plans.set(cycle.period, p);
    }
    return p;
  };

  const rows: FvaRow[] = [];
  const months: string[] = [];
  const used = new Set<string>();
  for (const { month, cycle } of judged) {
    const actuals = byMonth.get(month);
    if (!actuals) continue;
    const { baseline, consensus } = await plansOf(cycle);
    const monthRows = fvaRows(
      (baseline.get(month) ?? []).filter((l) => opts.family === undefined || l.family === opts.family),
      (consensus.get(month) ?? []).filter((l) => opts.family === undefined || l.family === opts.family),
      actuals,
    );
    if (monthRows.length === 0) continue;
    rows.push(...monthRows);
    months.push(month);
    used.add(cycle.period);
  }
  return { report: forecastValueAdded(rows), months, cycles: [...used].sort() };
}

/** The months whose first day lies in `window`, oldest first. */
function monthsStartingIn(window: { from: string; to: string }): string[] {
  const out: string[] = [];
  const first =
    window.from.slice(8) === "01" ? window.from.slice(0, 7) : addMonths(window.from.slice(0, 7), 1);
  for (let m = first; `${m}-01` <= window.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Months of FVA the digest shows: the quarter ending with the reporting week's month. */
export const DIGEST_FVA_MONTHS = 3;

/** The `months` months ending with the month of `to` (ISO date), e.g. the weekly digest's FVA window. */
export function recentFvaWindow(to: string, months = DIGEST_FVA_MONTHS): { from: string; to: string } {
  return { from: `${addMonths(to.slice(0, 7), 1 - months)}-01`, to };
}

/** FVA over the `months` months ending with the month of `to`. */
export async function recentForecastValueAdded(
  cfg: TeamConfig,
  to: string,
  months = DIGEST_FVA_MONTHS,
): Promise<WindowFva> {
  return loadForecastValueAdded(cfg, recentFvaWindow(to, months));
}
