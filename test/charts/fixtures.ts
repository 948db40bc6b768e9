import type { CapacityUtilizationInput, KpiTrendInput, PlanVsActualInput } from "../../src/charts/index.ts";

/** Twelve ISO weeks across a year boundary, like a real November–January digest. */
export const WEEKS = [
  "2025-W45",
  "2025-W46",
  "2025-W47",
  "2025-W48",
  "2025-W49",
  "2025-W50",
  "2025-W51",
  "2025-W52",
  "2026-W01",
  "2026-W02",
  "2026-W03",
  "2026-W04",
];

export const KPI_SAMPLE: KpiTrendInput = {
  title: "On-time in-full (OTIF) and fill rate",
  unit: "percent",
  weeks: WEEKS,
  series: [
    {
      label: "OTIF",
      values: [0.91, 0.93, null, 0.94, 0.955, 0.96, 0.948, null, 0.97, 0.962, 0.958, 0.965],
      target: 0.95,
    },
    {
      label: "Fill rate",
      values: [0.96, 0.962, 0.97, 0.968, null, 0.975, 0.98, 0.979, 0.982, 0.985, 0.983, 0.99],
      target: 0.98,
    },
  ],
};

export const FAMILIES = [
  "Frozen pizza 12in family pack",
  "Sparkling water 1.5L",
  "Oat milk barista",
  "Greek yoghurt 500g",
  "Dark chocolate bars assorted",
  "Ready meals chilled",
  "Energy drinks",
  "Breakfast cereal — kids",
  "Pet food dry (dogs)",
  "Olive oil extra virgin 1L",
  "Coffee beans",
  "Tea bags",
  "Ice cream tubs",
  "Crisps multipack",
  "Baby formula stage 1",
];

const PLAN = FAMILIES.map((_, i) => Math.round(1_200_000 / (i + 1) + 20_000));

export const PLAN_VS_ACTUAL_SAMPLE: PlanVsActualInput = {
  title: "Plan vs actual — January 2026",
  families: FAMILIES,
  plan: PLAN,
  actual: PLAN.map((p, i) => Math.round(p * (0.85 + ((i * 37) % 30) / 100))),
  unit: "cases",
  totalFamilies: 5000,
};

export const CAPACITY_SAMPLE: CapacityUtilizationInput = {
  title: "Capacity utilization — January 2026",
  families: FAMILIES,
  utilization: FAMILIES.map((_, i) => 0.55 + ((i * 53) % 70) / 100),
  totalFamilies: 5000,
};
