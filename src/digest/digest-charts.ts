/** The digest's three charts as chart specs: KPI trend vs target, plan vs actual, capacity. */
import { capacityUtilizationChart } from "../charts/capacity-utilization.ts";
import { kpiTrendChart } from "../charts/kpi-trend.ts";
import { planVsActualChart } from "../charts/plan-vs-actual.ts";
import type { ChartSpec } from "../charts/types.ts";
import { targetsFor } from "../kpi/targets.ts";
import type { TeamConfig } from "../team/team-config.ts";
import type { DigestFacts } from "./family-facts.ts";
import { DIGEST_KPIS, TREND_KPIS } from "./kpi-catalog.ts";
import type { WeekSnapshot } from "./kpi-lines.ts";

export function planSourceText(source: DigestFacts["production"]["planSource"]): string {
  if (!source) return "no plan";
  if (source.kind === "production-csv") return "production plan from the actuals";
  return `approved ${source.phase} plan v${source.version} of cycle ${source.cycle}`;
}

export function digestCharts(
  cfg: TeamConfig,
  weeks: string[],
  snapshots: Map<string, WeekSnapshot>,
  facts: DigestFacts | null,
): ChartSpec[] {
  const targets = targetsFor(cfg);
  const trend = kpiTrendChart({
    title: "KPI trend vs target — last 12 weeks",
    unit: "percent",
    weeks,
    series: TREND_KPIS.map((key) => {
      const def = DIGEST_KPIS.find((k) => k.key === key)!;
      const t = targets[key] as { target?: number } | undefined;
      return {
        label: def.label,
        values: weeks.map((w) => {
          const s = snapshots.get(w);
          const v = s ? def.read(s.values) : null;
          // 0.1 % is all a chart can show; fewer digits keep the QuickChart URL short.
          return v === null ? null : Math.round(v * 1000) / 1000;
        }),
        ...(typeof t?.target === "number" ? { target: t.target } : {}),
      };
    }),
  });

  const prod = facts?.production;
  const period = prod?.period ?? "no production data";
  const plan = planVsActualChart({
    title: `Plan vs actual by family — ${period}`,
    families: prod?.planVsActual.map((v) => v.family) ?? [],
    plan: prod?.planVsActual.map((v) => v.plan) ?? [],
    actual: prod?.planVsActual.map((v) => v.actual) ?? [],
    unit: "units",
    totalFamilies: prod?.families,
  });
  const capacity = capacityUtilizationChart({
    title: `Capacity utilization by family — ${period}`,
    families: prod?.utilization.map((u) => u.family) ?? [],
    utilization: prod?.utilization.map((u) => u.utilization) ?? [],
    totalFamilies: prod?.utilization.length ? prod.families : undefined,
  });
  // Stable ids whatever the titles say: file names and tests rely on them.
  return [
    { ...trend, id: "kpi-trend" },
    { ...plan, id: "plan-vs-actual" },
    { ...capacity, id: "capacity-utilization" },
  ];
}
