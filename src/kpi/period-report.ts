/**
 * What `/sop kpi [PERIOD]` shows: the KPIs of a month (to date while it runs, in the team's time zone)
 * and the change against the same-length window one week earlier, so "vs previous week" is always
 * defined the same way whatever day of the month it is asked.
 */
import type { Clock } from "../clock.ts";
import { UserError } from "../errors.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { addDays, earlierOf } from "../time/dates.ts";
import { isMonth, monthOf, monthWindow } from "../time/period.ts";
import { todayFor } from "../time/today.ts";
import { computeKpisFor } from "./compute-kpis.ts";
import { type KpiSummaryRow, summarizeKpis } from "./kpi-summary.ts";
import type { KpiValues } from "./kpi-values.ts";
import { targetsFor } from "./targets.ts";

export interface PeriodReport {
  period: string;
  from: string;
  /** The last day included: the month's end, or today while the month runs. */
  to: string;
  /** True while the month runs (`to` is today, not the month's end). */
  toDate: boolean;
  /** The comparison window: [from − 7, to − 7]. */
  previousFrom: string;
  previousTo: string;
  values: KpiValues;
  previous: KpiValues;
  rows: KpiSummaryRow[];
}

export async function periodReport(
  teamId: string,
  cfg: TeamConfig | null,
  periodText: string | undefined,
  clock: Clock,
): Promise<PeriodReport> {
  const today = todayFor(clock, cfg?.timezone ?? "UTC");
  const period = periodText ?? monthOf(today);
  if (!isMonth(period))
    throw new UserError("bad_input", `"${period}" is not a month; use YYYY-MM.`, [], {
      step: "month-example",
      period: monthOf(today),
    });
  const month = monthWindow(period);
  if (month.from > today)
    throw new UserError("bad_input", `${period} has not started yet; there are no actuals.`);
  const to = earlierOf(month.to, today);
  const previousFrom = addDays(month.from, -7);
  const previousTo = addDays(to, -7);
  // Both windows from one read of the months they touch.
  const [values, previous] = (await computeKpisFor(teamId, [
    { from: month.from, to },
    { from: previousFrom, to: previousTo },
  ])) as [KpiValues, KpiValues];
  return {
    period,
    from: month.from,
    to,
    toDate: to < month.to,
    previousFrom,
    previousTo,
    values,
    previous,
    rows: summarizeKpis(values, previous, targetsFor(cfg)),
  };
}
