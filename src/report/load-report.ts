/**
 * The S&OP report of one team's cycle, from the database: the plan versions of the demand, supply and
 * finance phases (by role, per scenario), the last three closed months of actuals from the actuals
 * store, the cycle's decisions and action items, and the KPI scorecard of the last closed month. What
 * `sop report`, the Slack summary, the PDF and the workbook are built from.
 */
import { getCycle } from "../cycle/cycle-store.ts";
import { noCycle } from "../cycle/explain.ts";
import { addMonths, periodRange } from "../cycle/period.ts";
import { chosenScenario } from "../cycle/scenarios.ts";
import { computeKpis } from "../kpi/compute-kpis.ts";
import { summarizeKpis } from "../kpi/kpi-summary.ts";
import { targetsFor } from "../kpi/targets.ts";
import { planLines } from "../plans/plan-lines.ts";
import { cycleItems } from "../store/decision-items.ts";
import { loadPlanVersion } from "../store/plan-versions.ts";
import { familyTargets, groupOf } from "../team/report-settings.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { monthWindow } from "../time/period.ts";
import { closedActuals } from "./actuals-input.ts";
import type { FamilyGridInput, GridMonths } from "./grid-types.ts";
import { type HorizonLine, type HorizonSources, horizonPlans, planFamilies } from "./plan-input.ts";
import { type PhasePick, planPicks } from "./plan-sources.ts";
import {
  buildReport,
  type KpiScorecard,
  type PlanSource,
  type ReportStage,
  type SopReport,
} from "./report-model.ts";
import type { ScenarioInput } from "./scenarios.ts";

/** Closed months of actuals the grid shows before the horizon. */
export const CLOSED_MONTHS = 3;

export interface LoadReportOptions {
  stage: ReportStage;
  now: Date;
  /** Display names of people (user id → name), when the caller knows them. */
  people?: Record<string, string>;
}

export function reportMonths(period: string, horizonMonths: number): GridMonths {
  return {
    closed: periodRange(addMonths(period, -CLOSED_MONTHS), CLOSED_MONTHS),
    horizon: periodRange(period, horizonMonths),
  };
}

/** Reads each plan version once, however many scenarios share it. */
function planReader(teamId: string, period: string) {
  const cache = new Map<string, Promise<HorizonLine[]>>();
  return (p: PhasePick | null): Promise<HorizonLine[] | null> => {
    if (!p) return Promise.resolve(null);
    const key = `${p.phase.id}|${p.version}`;
    let lines = cache.get(key);
    if (!lines) {
      lines = loadPlanVersion(teamId, period, p.phase.id, p.version).then((v) => {
        if (!v) throw new Error(`plan ${teamId} ${period} ${p.phase.id} v${p.version} is missing`);
        return planLines(v);
      });
      cache.set(key, lines);
    }
    return lines;
  };
}

async function kpiScorecard(cfg: TeamConfig, month: string): Promise<KpiScorecard> {
  const { from, to } = monthWindow(month);
  const values = await computeKpis({ teamId: cfg.team, from, to });
  const rows = summarizeKpis(values, null, targetsFor(cfg)).map((r) => ({
    key: r.kpi,
    label: r.label,
    value: r.value,
    display: r.display,
    target: r.target,
    status: r.status,
  }));
  return { from, to, rows };
}

function source(p: PhasePick | null, scenario: string | null): PlanSource[] {
  return p ? [{ phase: p.phase.id, phaseName: p.phase.name, version: p.version, scenario }] : [];
}

export async function loadReport(
  cfg: TeamConfig,
  period: string,
  opts: LoadReportOptions,
): Promise<SopReport> {
  const teamId = cfg.team;
  const cycle = await getCycle(teamId, period);
  if (!cycle) throw noCycle(period);
  const months = reportMonths(period, cfg.horizonMonths);
  const picks = planPicks(cycle);
  const read = planReader(teamId, period);
  const demand = await read(picks.demand);
  const sources: HorizonSources[] = [];
  for (const s of picks.scenarios)
    sources.push({ demand, supply: await read(s.supply), finance: await read(s.finance) });

  const seen = new Set<string>();
  for (const s of sources) for (const f of planFamilies(s)) seen.add(f);
  const families = [...seen];
  const groups = groupOf(cfg.report);
  const kpiBand = cfg.kpis.daysOfSupply ?? targetsFor(cfg).daysOfSupply;
  const targets = new Map(families.map((f) => [f, familyTargets(cfg.report, kpiBand, f)]));
  const makeToOrder = new Set(families.filter((f) => targets.get(f)!.mode === "backlog"));
  const [actuals, items, kpis] = await Promise.all([
    closedActuals(teamId, families, makeToOrder, months.closed),
    cycleItems(teamId, period),
    kpiScorecard(cfg, months.closed.at(-1)!),
  ]);

  const scenarios: ScenarioInput[] = picks.scenarios.map((s, k) => {
    const horizon = horizonPlans(sources[k]!, families, months.horizon);
    const inputs: FamilyGridInput[] = families.map((family) => {
      const a = actuals.get(family)!;
      return {
        family,
        group: groups.get(family) ?? null,
        targets: targets.get(family)!,
        opening: a.opening,
        closed: a.closed,
        horizon: horizon.get(family)!,
      };
    });
    return {
      name: s.name,
      supplyVersion: s.supply?.version ?? null,
      financeVersion: s.finance?.version ?? null,
      families: inputs,
    };
  });
  const multiple = picks.scenarios.length > 1;
  const plans: PlanSource[] = [
    ...source(picks.demand, null),
    ...picks.scenarios.flatMap((s) => [
      ...source(s.supply, multiple ? s.name : null),
      ...source(s.finance, multiple ? s.name : null),
    ]),
  ].filter((p, i, all) => all.findIndex((q) => q.phase === p.phase && q.version === p.version) === i);

  const report = buildReport({
    teamId,
    period,
    stage: opts.stage,
    generatedAt: opts.now,
    timezone: cfg.timezone,
    currency: cfg.currency ?? null,
    months,
    thresholds: { capacity: cfg.gapThresholds.capacity, revenueVsPlan: cfg.gapThresholds.revenueVsPlan },
    scenarios,
    approvedScenario: chosenScenario(cycle),
    items,
    kpis,
    plans,
    people: opts.people,
  });
  return { ...report, notes: [...picks.notes, ...report.notes] };
}
