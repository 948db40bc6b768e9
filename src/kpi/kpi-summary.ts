/** One line per KPI for people: value, target, RAG status and the change against an earlier value. */
import { formatKpiDelta, formatKpiValue, formatTarget, KPI_LABELS } from "./catalog.ts";
import { headlineValue, KPI_NAMES, type KpiName, type KpiValues } from "./kpi-values.ts";
import { type RagStatus, ragStatus, type Targets } from "./targets.ts";

export interface KpiSummaryRow {
  kpi: KpiName;
  label: string;
  /** The number judged against the target (cycle time: its mean). */
  value: number | null;
  display: string;
  /** Extra figures, e.g. cycle time median and p90. */
  detail: string | null;
  target: string;
  status: RagStatus;
  previous: number | null;
  /** e.g. `+1.2 pts`; null when either value is missing. */
  change: string | null;
}

export function summarizeKpis(
  values: KpiValues,
  previous: KpiValues | null,
  targets: Targets,
): KpiSummaryRow[] {
  return KPI_NAMES.map((kpi) => {
    const value = headlineValue(values, kpi);
    const before = previous ? headlineValue(previous, kpi) : null;
    const detail =
      kpi === "cycleTime" && values.cycleTime.mean !== null
        ? `median ${formatKpiValue(kpi, values.cycleTime.median)} · p90 ${formatKpiValue(kpi, values.cycleTime.p90)}`
        : null;
    return {
      kpi,
      label: KPI_LABELS[kpi],
      value,
      display:
        kpi === "cycleTime" && value !== null
          ? `${formatKpiValue(kpi, value)} mean`
          : formatKpiValue(kpi, value),
      detail,
      target: formatTarget(kpi, targets),
      status: ragStatus(kpi, value, targets),
      previous: before,
      change: formatKpiDelta(kpi, value, before),
    };
  });
}
