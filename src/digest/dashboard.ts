/**
 * The executive review dashboard's data (App Home, for executives and admins): the same content as the
 * digest — the cycle with every submitted plan's summary, the KPI tiles of the last complete week —
 * and the charts of the latest posted digest, without rendering anything.
 */
import { type DigestPost, latestDigestPost } from "../store/digest-posts.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { type CycleOverview, cycleOverview } from "./cycle-section.ts";
import { type KpiLine, kpiLines, loadSnapshots } from "./kpi-lines.ts";
import { type ReportingWeek, reportingWeek, trailingWeeks } from "./reporting-week.ts";

export interface DashboardData {
  timezone: string;
  /** The team's currency for revenue (ISO 4217); null: plain numbers. */
  currency: string | null;
  week: ReportingWeek;
  kpis: KpiLine[];
  kpisComputedAt: Date | null;
  cycle: CycleOverview;
  latestDigest: DigestPost | null;
}

/** Executives and admins see the dashboard. */
export function seesDashboard(cfg: TeamConfig, userId: string): boolean {
  return cfg.executives.includes(userId) || cfg.admins.includes(userId);
}

export function dashboardAudience(cfg: TeamConfig): string[] {
  return [...new Set([...cfg.executives, ...cfg.admins])];
}

export async function dashboardData(teamId: string, cfg: TeamConfig, now: Date): Promise<DashboardData> {
  const week = reportingWeek(now, cfg.timezone);
  const [prev, cur] = trailingWeeks(week.week, 2) as [string, string];
  const [snapshots, cycle, latestDigest] = await Promise.all([
    loadSnapshots(teamId, cur, 2),
    cycleOverview(teamId, cfg, now),
    latestDigestPost(teamId),
  ]);
  const current = snapshots.get(cur);
  return {
    timezone: cfg.timezone,
    currency: cfg.currency ?? null,
    week,
    kpis: kpiLines(cfg, current, snapshots.get(prev)),
    kpisComputedAt: current?.computedAt ?? null,
    cycle,
    latestDigest,
  };
}
