/**
 * The cycle part of the digest and the executive dashboard: this month's cycle (or that it has not
 * started), older cycles still open, what is overdue and who it waits on, and every submitted plan
 * with its summary.
 */
import { getCycle } from "../cycle/cycle-store.ts";
import { nearbyCycles } from "../cycle/nearby-cycles.ts";
import { currentPeriod } from "../cycle/period.ts";
import { type CycleReport, cycleReport } from "../cycle/status-report.ts";
import type { PlanSummary } from "../plans/plan-summary.ts";
import { loadPlanMeta } from "../store/plan-versions.ts";
import type { TeamConfig } from "../team/team-config.ts";

export interface SubmittedPlan {
  phase: string;
  phaseName: string;
  status: string;
  version: number;
  approvedVersion: number | null;
  submittedBy: string;
  submittedAt: Date;
  comment: string | null;
  summary: Pick<
    PlanSummary,
    "rows" | "families" | "periodFrom" | "periodTo" | "periodCount" | "totals" | "precision"
  > & {
    /** Change of total quantity against the previous version, when there was one. */
    changeVsPrevious: number | null;
  };
}

export interface CycleSection {
  report: CycleReport;
  plans: SubmittedPlan[];
}

export interface CycleOverview {
  /** The team's current month. */
  period: string;
  current: CycleSection | null;
  /** Earlier cycles that are still open (late). */
  older: CycleSection[];
}

async function plansOf(teamId: string, report: CycleReport): Promise<SubmittedPlan[]> {
  const metas = await Promise.all(
    report.phases
      .filter((p) => p.version > 0)
      .map(async (p) => ({ p, meta: await loadPlanMeta(teamId, report.period, p.id, p.version) })),
  );
  return metas
    .filter((m) => m.meta !== null)
    .map(({ p, meta }) => {
      const s = meta!.summary;
      return {
        phase: p.id,
        phaseName: p.name,
        status: p.status,
        version: p.version,
        approvedVersion: p.approvedVersion,
        submittedBy: meta!.submittedBy,
        submittedAt: meta!.submittedAt,
        comment: meta!.comment,
        summary: {
          rows: s.rows,
          families: s.families,
          periodFrom: s.periodFrom,
          periodTo: s.periodTo,
          periodCount: s.periodCount,
          totals: s.totals,
          precision: s.precision,
          changeVsPrevious: s.previous ? s.totals.quantity - s.previous.totals.quantity : null,
        },
      };
    });
}

export async function cycleOverview(teamId: string, cfg: TeamConfig, now: Date): Promise<CycleOverview> {
  const period = currentPeriod(cfg.timezone, now);
  const [currentState, nearby] = await Promise.all([
    getCycle(teamId, period),
    nearbyCycles(teamId, cfg, now),
  ]);
  const section = async (c: NonNullable<typeof currentState>): Promise<CycleSection> => {
    const report = cycleReport(c, cfg, now);
    return { report, plans: await plansOf(teamId, report) };
  };
  const older = nearby.filter((c) => c.period < period && c.status === "open");
  return {
    period,
    current: currentState ? await section(currentState) : null,
    older: await Promise.all(older.map(section)),
  };
}
