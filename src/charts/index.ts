// Digest charts: pure builders (plain data → ChartSpec) and two renderers (in-process PNG, QuickChart URL).
export { capacityUtilizationChart } from "./capacity-utilization.ts";
export { MAX_FAMILIES, MAX_FAMILY_LABEL } from "./families.ts";
export { CHART_FONT_FAMILY, ensureChartFont } from "./fonts.ts";
export { KPI_WEEKS, kpiTrendChart } from "./kpi-trend.ts";
export { NO_DATA_TEXT } from "./no-data.ts";
export { OKABE_ITO } from "./palette.ts";
export { planVsActualChart } from "./plan-vs-actual.ts";
export { QUICKCHART_CHARTJS_VERSION, quickChartUrl, SLACK_IMAGE_URL_MAX_LENGTH } from "./quickchart-url.ts";
export { renderPng } from "./render-png.ts";
export { topN } from "./top-n.ts";
export type {
  CapacityUtilizationInput,
  ChartSpec,
  KpiSeries,
  KpiTrendInput,
  KpiUnit,
  PlanVsActualInput,
} from "./types.ts";
export { DEFAULT_DEVICE_PIXEL_RATIO, DEFAULT_HEIGHT, DEFAULT_WIDTH } from "./types.ts";
