/**
 * Everything the weekly digest shows, as plain data (no Slack): the cycle's state and what is overdue,
 * each KPI with value, target, RAG and trend, the top exceptions, and the three chart specs. The
 * executive dashboard in App Home is built from the same data.
 */
import { KPI_WEEKS } from "../charts/kpi-trend.ts";
import type { ChartSpec } from "../charts/types.ts";
import type { LoggedItem } from "../decisions/item.ts";
import type { WindowFva } from "../fva/load-fva.ts";
import { openActionItems } from "../store/decision-items.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { type CycleOverview, cycleOverview } from "./cycle-section.ts";
import { digestCharts, planSourceText } from "./digest-charts.ts";
import { type DigestFacts, loadDigestFacts } from "./family-facts.ts";
import { type KpiLine, kpiLines, loadSnapshots } from "./kpi-lines.ts";
import { type ReportingWeek, reportingWeek, trailingWeeks } from "./reporting-week.ts";

export interface DigestData {
  teamId: string;
  timezone: string;
  generatedAt: Date;
  week: ReportingWeek;
  cycle: CycleOverview;
  kpis: KpiLine[];
  /** When the reporting week's KPI snapshot was computed; null when there is none. */
  kpisComputedAt: Date | null;
  exceptions: DigestFacts | null;
  planSource: string;
  charts: ChartSpec[];
  /** Forecast value added over the last three months; null when it could not be computed. */
  fva?: WindowFva | null;
  /** The team's open action items (every cycle). */
  openActions?: LoggedItem[];
}

export async function assembleDigest(teamId: string, cfg: TeamConfig, now: Date): Promise<DigestData> {
  const week = reportingWeek(now, cfg.timezone);
  const weeks = trailingWeeks(week.week, KPI_WEEKS);
  const [snapshots, facts, cycle, openActions] = await Promise.all([
    loadSnapshots(teamId, week.week, KPI_WEEKS),
    loadDigestFacts(teamId, week.week),
    cycleOverview(teamId, cfg, now),
    openActionItems(teamId),
  ]);
  const current = snapshots.get(week.week);
  const previous = snapshots.get(weeks[weeks.length - 2]!);
  return {
    teamId,
    timezone: cfg.timezone,
    generatedAt: now,
    week,
    cycle,
    kpis: kpiLines(cfg, current, previous),
    kpisComputedAt: current?.computedAt ?? null,
    exceptions: facts,
    planSource: planSourceText(facts?.production.planSource ?? null),
    charts: digestCharts(cfg, weeks, snapshots, facts),
    // Computed with the facts by the KPI job (it streams every demand actual: too slow for here).
    fva: facts?.fva ?? null,
    openActions,
  };
}
