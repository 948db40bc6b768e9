/** The small hand-computed data set of the report tests: three families, three closed months, four horizon months. */
import type { LoggedItem } from "../../src/decisions/item.ts";
import type { FamilyGridInput, GridMonths } from "../../src/report/grid-types.ts";
import { buildReport, type SopReport } from "../../src/report/report-model.ts";

export const months: GridMonths = {
  closed: ["2026-09", "2026-10", "2026-11"],
  horizon: ["2026-12", "2027-01", "2027-02", "2027-03"],
};
export const thresholds = { capacity: 1, revenueVsPlan: 0.05 };
const none = [null, null, null];

export const A: FamilyGridInput = {
  family: "Espresso machines",
  group: "Machines",
  targets: { minDays: 20, maxDays: 45, mode: "stock" },
  opening: 255,
  closed: {
    demandPlan: [100, 110, 120],
    demandActual: [90, 130, 120],
    supplyPlan: [100, 100, 100],
    supplyActual: [95, 100, 105],
    capacity: [120, 120, 120],
    position: [300, 270, 255],
  },
  horizon: {
    demand: [124, 280, 56, 90],
    supply: [100, 100, 100, 100],
    capacity: [100, 110, null, 125],
    financeRevenue: [1240, 2600, 560, 900],
    price: [10, 10, 10, 10],
    cost: null,
  },
};

export const B: FamilyGridInput = {
  family: "Milk frothers",
  group: "Machines",
  targets: { minDays: 10, maxDays: 30, mode: "stock" },
  opening: null,
  closed: {
    demandPlan: [60, 60, 60],
    demandActual: [50, 60, 62],
    supplyPlan: none,
    supplyActual: none,
    capacity: none,
    position: none,
  },
  horizon: {
    demand: [62, 60, 60, 60],
    supply: [70, 50, 0, 80],
    capacity: [null, null, null, null],
    financeRevenue: [620, 600, 0, 600],
    price: [10, 10, 10, 10],
    cost: [5, 5, 5, 5],
  },
};

export const C: FamilyGridInput = {
  family: "Custom roasters",
  group: null,
  targets: { minDays: 0, maxDays: 15, mode: "backlog" },
  opening: 40,
  closed: {
    demandPlan: [30, 30, 30],
    demandActual: [30, 31, 30],
    supplyPlan: [30, 30, 30],
    supplyActual: [25, 26, 25],
    capacity: [30, 30, 30],
    position: [30, 35, 40],
  },
  horizon: {
    demand: [31, 31, 28, 31],
    supply: [20, 40, 28, 31],
    capacity: [30, 50, 40, 40],
    financeRevenue: null,
    price: [null, null, null, null],
    cost: null,
  },
};

/** The overtime alternative: B (milk frothers) gets 40 more units a month from January at a cost of 8 each. */
export function overtime(f: FamilyGridInput): FamilyGridInput {
  if (f.family !== B.family) return f;
  const supply = f.horizon.supply!.map((v, k) => (k >= 1 ? v + 40 : v));
  return { ...f, horizon: { ...f.horizon, supply, cost: supply.map((_, k) => (k >= 1 ? 5 + 320 : 5)) } };
}

export function item(over: Partial<LoggedItem> & Pick<LoggedItem, "id" | "kind" | "text">): LoggedItem {
  return {
    teamId: "T0TEST",
    owner: null,
    dueDate: null,
    period: "2026-12",
    phase: "exec",
    phaseName: "Executive S&OP",
    permalink: null,
    createdBy: "U0LEAD",
    createdAt: new Date("2026-12-16T10:00:00Z"),
    status: "open",
    closedBy: null,
    closedAt: null,
    ...over,
  };
}

export function sampleReport(
  opts: { families?: FamilyGridInput[]; approved?: string | null } = {},
): SopReport {
  const families = opts.families ?? [A, B, C];
  return buildReport({
    teamId: "T0TEST",
    period: "2026-12",
    stage: "pre_sop",
    generatedAt: new Date("2026-12-16T10:00:00Z"),
    timezone: "Europe/Berlin",
    currency: "EUR",
    months,
    thresholds,
    scenarios: [
      { name: "base", supplyVersion: 1, financeVersion: 1, families },
      { name: "overtime", supplyVersion: 2, financeVersion: 1, families: families.map(overtime) },
    ],
    approvedScenario: opts.approved ?? null,
    items: [
      item({
        id: "T0TEST|2026-12|1",
        kind: "decision",
        text: "Run line 2 on Saturdays in January",
        status: "closed",
      }),
      item({
        id: "T0TEST|2026-12|2",
        kind: "action",
        text: "Book overtime crew for line 2",
        owner: "U0OPS",
        dueDate: "2026-12-22",
      }),
    ],
    kpis: {
      from: "2026-11-01",
      to: "2026-11-30",
      rows: [
        {
          key: "onTimeDelivery",
          label: "On-time delivery",
          value: 0.93,
          display: "93 %",
          target: "≥ 95 %",
          status: "amber",
        },
        {
          key: "forecastAccuracy",
          label: "Forecast accuracy",
          value: 0.82,
          display: "82 %",
          target: "≥ 80 %",
          status: "green",
        },
      ],
    },
    plans: [{ phase: "demand", phaseName: "Demand review", version: 2, scenario: null }],
    people: { U0OPS: "Omar Ops", U0LEAD: "Lena Lead" },
  });
}

/** A family within every target: never on the "needs a decision" list. */
export const D: FamilyGridInput = {
  family: "Descaler kits",
  group: null,
  targets: { minDays: 10, maxDays: 60, mode: "stock" },
  opening: 100,
  closed: {
    demandPlan: [100, 100, 100],
    demandActual: [100, 100, 100],
    supplyPlan: [100, 100, 100],
    supplyActual: [100, 100, 100],
    capacity: [200, 200, 200],
    position: [100, 100, 100],
  },
  horizon: {
    demand: [100, 100, 100, 100],
    supply: [100, 100, 100, 100],
    capacity: [200, 200, 200, 200],
    financeRevenue: [1000, 1000, 1000, 1000],
    price: [10, 10, 10, 10],
    cost: null,
  },
};

/** `n` families with long names and every kind of flag among them (for Block Kit limits and scale). */
export function manyFamilies(n: number): FamilyGridInput[] {
  return Array.from({ length: n }, (_, i) => {
    const base = [A, B, C, D][i % 4]!;
    return {
      ...base,
      family: `${"Family with a very long name <&> ".repeat(2)}${i}`,
      group: `Group ${i % 12}`,
      horizon: { ...base.horizon, demand: base.horizon.demand.map((d) => d + (i % 7)) },
    };
  });
}
