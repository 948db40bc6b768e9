/** The weekly executive digest as plain data, and the facts the KPI job stores for it. */
export { assembleDigest, type DigestData } from "./assemble-digest.ts";
export { type CycleOverview, type CycleSection, cycleOverview, type SubmittedPlan } from "./cycle-section.ts";
export { type DashboardData, dashboardAudience, dashboardData, seesDashboard } from "./dashboard.ts";
export { digestCharts, planSourceText } from "./digest-charts.ts";
export {
  computeDigestFacts,
  type DigestFacts,
  ensureDigestFacts,
  loadDigestFacts,
  refreshDigestFacts,
  storeDigestFacts,
} from "./family-facts.ts";
export { DIGEST_KPIS, type KpiKey } from "./kpi-catalog.ts";
export { type KpiLine, kpiLines, loadSnapshots, type Rag, type WeekSnapshot } from "./kpi-lines.ts";
export { trendOf } from "./kpi-status.ts";
export { type ReportingWeek, reportingWeek, trailingWeeks } from "./reporting-week.ts";
