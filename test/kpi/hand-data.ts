/**
 * A small data set whose KPIs are computed by hand below (not by the code under test). It covers: a demand
 * row with actual 0, a window with no deliveries, ISO week 2026-W01 whose Monday is 2025-12-29, a leap day,
 * decimals, open orders, a family without production (Kettles), and both edges of days of supply's
 * 28-day order window.
 */
import { expect } from "vitest";

export const TEAM = "T0KPI";

export const DEMAND_CSV = `period,family,forecast_qty,actual_qty
2026-W01,Espresso machines,100,80
2026-01,Espresso machines,50.5,40
2026-01,Grinders,30,0
2026-W02,Grinders,20,25.5
2026-02,Kettles,10,12
`;

export const PRODUCTION_CSV = `period,family,planned_qty,actual_qty,capacity_qty
2026-01,Espresso machines,100,90.5,120
2026-01,Grinders,50,60,80
2026-W01,Grinders,10,10,10
`;

export const ORDERS_CSV = `order_id,family,order_date,promised_date,delivered_date,quantity
A1,Espresso machines,2025-12-20,2026-01-05,2026-01-04,10
A2,Espresso machines,2026-01-02,2026-01-10,2026-01-12,5.5
A3,Grinders,2026-01-10,2026-01-20,2026-01-20,4
A4,Grinders,2026-01-15,2026-01-25,,7
A5,Kettles,2026-01-20,2026-02-03,2026-02-01,3
A6,Kettles,2025-12-28,2025-12-31,2026-01-01,2
D1,Grinders,2026-01-04,2026-02-05,2026-02-02,8
D2,Grinders,2026-01-03,2026-02-05,2026-02-02,100
D3,Kettles,2026-01-31,2026-02-10,,6
D4,Kettles,2026-02-01,2026-02-10,,50
L1,Espresso machines,2028-02-27,2028-03-02,2028-03-01,1
`;

export const INVENTORY_CSV = `date,family,on_hand_qty
2026-01-15,Espresso machines,20
2026-01-31,Espresso machines,30.5
2026-02-01,Espresso machines,999
2026-01-10,Grinders,12
2028-02-29,Kettles,5
`;

export interface HandCase {
  name: string;
  window: { from: string; to: string; family?: string };
  expected: {
    forecastAccuracy: number | null;
    forecastBias: number | null;
    mape: number | null;
    onTimeDelivery: number | null;
    serviceLevel: number | null;
    planAdherence: number | null;
    cycleTime: { mean: number | null; median: number | null; p90: number | null };
    capacityUtilization: number | null;
    daysOfSupply: number | null;
  };
}

export const HAND_CASES: HandCase[] = [
  {
    name: "January 2026, all families",
    window: { from: "2026-01-01", to: "2026-01-31" },
    expected: {
      // Demand rows starting in January: 2026-01 E (f 50.5, a 40), 2026-01 G (30, 0), 2026-W02 G (20, 25.5);
      // not 2026-W01 (Monday 2025-12-29) nor 2026-02. Σ|a−f| = 10.5 + 30 + 5.5 = 46, Σa = 65.5.
      forecastAccuracy: 19.5 / 65.5,
      // Σ(f−a) = 10.5 + 30 − 5.5 = 35.
      forecastBias: 35 / 65.5,
      // Rows with actual > 0 only: 10.5/40 = 0.2625 and 5.5/25.5.
      mape: (0.2625 + 5.5 / 25.5) / 2,
      // Delivered in January: A1 (on time), A2 (late), A3 (on the promised day), A6 (late, delivered 1 Jan).
      onTimeDelivery: 2 / 4,
      // Promised in January: A1 10 kept, A2 5.5 late, A3 4 kept, A4 7 open → 14 / 26.5.
      serviceLevel: 14 / 26.5,
      // (min(90.5,100) + min(60,50)) / (100 + 50); 2026-W01 starts in December.
      planAdherence: 140.5 / 150,
      // Cycle days: A6 4 (28 Dec → 1 Jan), A2 10, A3 10, A1 15 (20 Dec → 4 Jan). Mean 39/4; median
      // (10+10)/2; p90 at rank 3 · 0.9 = 2.7: 10 + 0.7 · (15 − 10).
      cycleTime: { mean: 9.75, median: 10, p90: 13.5 },
      capacityUtilization: 150.5 / 200,
      // On hand: E's latest ≤ 31 Jan is 31 Jan (30.5; 1 Feb's 999 is later), G 12, Kettles none → 42.5.
      // Orders dated 4 … 31 Jan: A3 4, A4 7, A5 3, D1 8 (4 Jan = to − 27), D3 6 (31 Jan = to) = 28;
      // D2 (3 Jan = to − 28) and D4 (1 Feb) are outside. Daily demand 28 / 28 = 1.
      daysOfSupply: 42.5,
    },
  },
  {
    name: "30 January: the 28-day window moves one day back",
    window: { from: "2026-01-01", to: "2026-01-30" },
    expected: {
      forecastAccuracy: 19.5 / 65.5,
      forecastBias: 35 / 65.5,
      mape: (0.2625 + 5.5 / 25.5) / 2,
      onTimeDelivery: 2 / 4,
      serviceLevel: 14 / 26.5,
      planAdherence: 140.5 / 150,
      cycleTime: { mean: 9.75, median: 10, p90: 13.5 },
      capacityUtilization: 150.5 / 200,
      // Orders dated 3 … 30 Jan: A3 4, A4 7, A5 3, D1 8, D2 100 = 122 (D3 on 31 Jan now outside).
      // On hand: E's latest ≤ 30 Jan is 15 Jan (20), G 12 → 32. 32 / (122/28).
      daysOfSupply: (32 * 28) / 122,
    },
  },
  {
    name: "the end of December 2025: week 2026-W01 counts here",
    window: { from: "2025-12-29", to: "2025-12-31" },
    expected: {
      // 2026-W01 E (100, 80): |e| = 20.
      forecastAccuracy: 0.75,
      forecastBias: 0.25,
      mape: 0.25,
      // No deliveries in the window (A6 arrives on 1 Jan).
      onTimeDelivery: null,
      // A6 promised 31 Dec, delivered 1 Jan: 0 of 2 kept — data, so 0, not null.
      serviceLevel: 0,
      planAdherence: 1,
      cycleTime: { mean: null, median: null, p90: null },
      capacityUtilization: 1,
      // No inventory snapshot on or before 31 Dec.
      daysOfSupply: null,
    },
  },
  {
    name: "a window with no deliveries",
    window: { from: "2026-01-21", to: "2026-01-31" },
    expected: {
      forecastAccuracy: null,
      forecastBias: null,
      mape: null,
      onTimeDelivery: null,
      // A4 (7, open) is the only order promised in the window.
      serviceLevel: 0,
      planAdherence: null,
      cycleTime: { mean: null, median: null, p90: null },
      capacityUtilization: null,
      daysOfSupply: 42.5,
    },
  },
  {
    name: "Grinders in the first days of January: only a row with actual 0",
    window: { from: "2026-01-01", to: "2026-01-04", family: "Grinders" },
    expected: {
      // Σ actual = 0: accuracy and bias undefined; no row with actual > 0 for MAPE.
      forecastAccuracy: null,
      forecastBias: null,
      mape: null,
      onTimeDelivery: null,
      serviceLevel: null,
      planAdherence: 50 / 50,
      cycleTime: { mean: null, median: null, p90: null },
      capacityUtilization: 60 / 80,
      // The only Grinders snapshot is dated 10 Jan, after `to`: no snapshot at all → null.
      daysOfSupply: null,
    },
  },
  {
    name: "Grinders in January: accuracy floored at 0",
    window: { from: "2026-01-01", to: "2026-01-31", family: "Grinders" },
    expected: {
      // (30, 0) and (20, 25.5): Σ|e| = 35.5 > Σa = 25.5 → 1 − 35.5/25.5 < 0 → 0.
      forecastAccuracy: 0,
      forecastBias: 24.5 / 25.5,
      mape: 5.5 / 25.5,
      // A3 delivered on its promised day.
      onTimeDelivery: 1,
      // A3 4 kept, A4 7 open.
      serviceLevel: 4 / 11,
      planAdherence: 1,
      cycleTime: { mean: 10, median: 10, p90: 10 },
      capacityUtilization: 0.75,
      // On hand 12; orders 4 … 31 Jan: A3 4, A4 7, D1 8 = 19.
      daysOfSupply: 12 / (19 / 28),
    },
  },
  {
    name: "Kettles (no production) in January",
    window: { from: "2026-01-01", to: "2026-01-31", family: "Kettles" },
    expected: {
      forecastAccuracy: null,
      forecastBias: null,
      mape: null,
      // A6 delivered 1 Jan, promised 31 Dec: late.
      onTimeDelivery: 0,
      serviceLevel: null,
      planAdherence: null,
      cycleTime: { mean: 4, median: 4, p90: 4 },
      capacityUtilization: null,
      // No Kettles snapshot on or before 31 Jan.
      daysOfSupply: null,
    },
  },
  {
    name: "across the 2028 leap day",
    window: { from: "2028-02-01", to: "2028-03-31" },
    expected: {
      forecastAccuracy: null,
      forecastBias: null,
      mape: null,
      onTimeDelivery: 1,
      serviceLevel: 1,
      planAdherence: null,
      // 27 Feb → 1 Mar 2028 is 3 days (29 Feb exists).
      cycleTime: { mean: 3, median: 3, p90: 3 },
      capacityUtilization: null,
      // Snapshots exist, but no order dated 4 … 31 Mar 2028: daily demand 0 → null.
      daysOfSupply: null,
    },
  },
];

/** Compares KPI values with a tolerance of 1e-9; an expected null must be null (never 0 or NaN). */
export function expectKpisClose(actual: HandCase["expected"], expected: HandCase["expected"]): void {
  const flat = (v: HandCase["expected"]): Record<string, number | null> => ({
    forecastAccuracy: v.forecastAccuracy,
    forecastBias: v.forecastBias,
    mape: v.mape,
    onTimeDelivery: v.onTimeDelivery,
    serviceLevel: v.serviceLevel,
    planAdherence: v.planAdherence,
    "cycleTime.mean": v.cycleTime.mean,
    "cycleTime.median": v.cycleTime.median,
    "cycleTime.p90": v.cycleTime.p90,
    capacityUtilization: v.capacityUtilization,
    daysOfSupply: v.daysOfSupply,
  });
  const a = flat(actual);
  for (const [key, want] of Object.entries(flat(expected))) {
    if (want === null) expect(a[key], key).toBeNull();
    else {
      expect(typeof a[key], key).toBe("number");
      expect(Math.abs((a[key] as number) - want), `${key}: ${a[key]} vs ${want}`).toBeLessThanOrEqual(1e-9);
    }
  }
}
