/**
 * The KPI values in the JSON shape and key order `sop kpi --json` prints: plain fractions (0.95 = 95 %) and
 * days; `null` means "no data in the window", never 0.
 */
export interface CycleTime {
  mean: number | null;
  median: number | null;
  p90: number | null;
}

export interface KpiValues {
  forecastAccuracy: number | null;
  forecastBias: number | null;
  mape: number | null;
  onTimeDelivery: number | null;
  serviceLevel: number | null;
  planAdherence: number | null;
  cycleTime: CycleTime;
  capacityUtilization: number | null;
  daysOfSupply: number | null;
}

export type KpiName = keyof KpiValues;

export const KPI_NAMES: readonly KpiName[] = [
  "forecastAccuracy",
  "forecastBias",
  "mape",
  "onTimeDelivery",
  "serviceLevel",
  "planAdherence",
  "cycleTime",
  "capacityUtilization",
  "daysOfSupply",
];

/** The inclusive date window KPIs are computed over, optionally one family. */
export interface KpiWindow {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
  family?: string;
}

/** The number a KPI is judged by: cycle time by its mean. */
export function headlineValue(values: KpiValues, kpi: KpiName): number | null {
  const v = values[kpi];
  return typeof v === "object" && v !== null ? v.mean : v;
}
