/** The KPI maths without a database: hand-computed values (hand-data.ts) and the accumulators' edge cases. */
import { describe, expect, it } from "vitest";
import { checkActuals } from "../../src/actuals/import-actuals.ts";
import {
  computeKpisFromRows,
  DeliveryAccumulator,
  type DemandRowIn,
  ForecastAccumulator,
  fastDay,
  type InventoryRowIn,
  type OrderRowIn,
  type ProductionRowIn,
} from "../../src/kpi/accumulators.ts";
import {
  DEMAND_CSV,
  expectKpisClose,
  HAND_CASES,
  INVENTORY_CSV,
  ORDERS_CSV,
  PRODUCTION_CSV,
} from "./hand-data.ts";

const rows = {
  demand: await checkActuals<DemandRowIn>("demand", DEMAND_CSV),
  production: await checkActuals<ProductionRowIn>("production", PRODUCTION_CSV),
  orders: await checkActuals<OrderRowIn>("orders", ORDERS_CSV),
  inventory: await checkActuals<InventoryRowIn>("inventory", INVENTORY_CSV),
};

describe("KPI accumulators on the hand-computed data set", () => {
  it.each(HAND_CASES)("$name", ({ window, expected }) => {
    expectKpisClose(computeKpisFromRows(window, rows), expected);
  });

  it("gives the same values whatever order the rows come in", () => {
    const window = HAND_CASES[0]!.window;
    const reversed = {
      demand: [...rows.demand].reverse(),
      production: [...rows.production].reverse(),
      orders: [...rows.orders].reverse(),
      inventory: [...rows.inventory].reverse(),
    };
    expectKpisClose(computeKpisFromRows(window, reversed), HAND_CASES[0]!.expected);
  });
});

describe("accumulator edge cases", () => {
  it("never returns NaN or 0 for no data", () => {
    const empty = computeKpisFromRows({ from: "2026-01-01", to: "2026-01-31" }, {});
    expect(empty).toEqual({
      forecastAccuracy: null,
      forecastBias: null,
      mape: null,
      onTimeDelivery: null,
      serviceLevel: null,
      planAdherence: null,
      cycleTime: { mean: null, median: null, p90: null },
      capacityUtilization: null,
      daysOfSupply: null,
    });
  });

  it("interpolates p90 linearly at rank (n − 1) · 0.9", () => {
    const acc = new DeliveryAccumulator();
    // Cycle days 1 … 10: rank 8.1 → 9 + 0.1 · (10 − 9) = 9.1; median 5.5; mean 5.5.
    const day = fastDay("2026-01-01");
    for (let d = 1; d <= 10; d++) acc.add(day, day + 31, day + d);
    expect(acc.result().cycleTime.p90).toBeCloseTo(9.1, 12);
    expect(acc.result().cycleTime.median).toBe(5.5);
    expect(acc.result().cycleTime.mean).toBe(5.5);
  });

  it("keeps thousands of cycle times (growing its buffer)", () => {
    const acc = new DeliveryAccumulator();
    const day = fastDay("2026-01-01");
    for (let i = 0; i < 5000; i++) acc.add(day, day + 4, i % 2 ? day + 2 : day + 6);
    const r = acc.result();
    expect(r.onTimeDelivery).toBe(0.5);
    expect(r.cycleTime).toEqual({ mean: 4, median: 4, p90: 6 });
  });

  it("sums decimals without drift", () => {
    const acc = new ForecastAccumulator();
    for (let i = 0; i < 10; i++) acc.add(0.2, 0.1);
    // Σ|e| = 10 · 0.1 = 1 = Σa: WMAPE 1, accuracy 0, bias 1, MAPE 1.
    expect(acc.result().forecastAccuracy).toBe(0);
    expect(acc.result().forecastBias).toBe(1);
    expect(acc.result().mape).toBeCloseTo(1, 12);
  });
});
