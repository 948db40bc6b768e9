/**
 * The KPI maths of DESIGN §4, one accumulator per KPI group, fed one row at a time so memory stays
 * flat however many rows stream past (cycle times are kept as 4-byte integers for the percentiles).
 * Pure: no database, unit-tested with hand-computed values. The window rules live here, so a caller
 * may pre-filter rows loosely (or not at all) and still get exact values.
 */
import { mean, medianSorted, quantileSorted } from "simple-statistics";
import type { CycleTime, KpiValues, KpiWindow } from "./kpi-values.ts";
import { Sum } from "./summation.ts";

export interface DemandRowIn {
  family: string;
  /** The period's first day. */
  start: string;
  forecastQty: number;
  actualQty: number;
}

export interface ProductionRowIn {
  family: string;
  start: string;
  plannedQty: number;
  actualQty: number;
  capacityQty: number;
}

export interface OrderRowIn {
  family: string;
  orderDate: string;
  promisedDate: string;
  deliveredDate: string | null;
  quantity: number;
}

export interface InventoryRowIn {
  family: string;
  date: string;
  onHandQty: number;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? num / den : null);

/** Day number of a stored (already validated) `YYYY-MM-DD`; no re-validation on the hot path. */
export function fastDay(date: string): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000
  );
}

/** Forecast accuracy (1 − WMAPE, floored at 0), bias and MAPE over demand rows. */
export class ForecastAccumulator {
  private readonly absError = new Sum();
  private readonly signedError = new Sum();
  private readonly actual = new Sum();
  private readonly apeSum = new Sum();
  private apeCount = 0;

  add(forecast: number, actual: number): void {
    const error = forecast - actual;
    this.absError.add(Math.abs(error));
    this.signedError.add(error);
    this.actual.add(actual);
    if (actual > 0) {
      this.apeSum.add(Math.abs(error) / actual);
      this.apeCount++;
    }
  }

  result(): Pick<KpiValues, "forecastAccuracy" | "forecastBias" | "mape"> {
    const wmape = ratio(this.absError.value, this.actual.value);
    return {
      forecastAccuracy: wmape === null ? null : Math.max(0, 1 - wmape),
      forecastBias: ratio(this.signedError.value, this.actual.value),
      mape: this.apeCount > 0 ? this.apeSum.value / this.apeCount : null,
    };
  }
}

/** Plan adherence Σmin(actual, planned) ÷ Σplanned and capacity utilisation Σactual ÷ Σcapacity. */
export class ProductionAccumulator {
  private readonly adhered = new Sum();
  private readonly planned = new Sum();
  private readonly actual = new Sum();
  private readonly capacity = new Sum();

  add(planned: number, actual: number, capacity: number): void {
    this.adhered.add(Math.min(actual, planned));
    this.planned.add(planned);
    this.actual.add(actual);
    this.capacity.add(capacity);
  }

  result(): Pick<KpiValues, "planAdherence" | "capacityUtilization"> {
    return {
      planAdherence: ratio(this.adhered.value, this.planned.value),
      capacityUtilization: ratio(this.actual.value, this.capacity.value),
    };
  }
}

/** On-time delivery and order cycle time over orders delivered in the window. */
export class DeliveryAccumulator {
  private delivered = 0;
  private onTime = 0;
  private days = new Int32Array(1024);

  add(orderDate: string, promisedDate: string, deliveredDate: string): void {
    if (deliveredDate <= promisedDate) this.onTime++;
    if (this.delivered === this.days.length) {
      const grown = new Int32Array(this.days.length * 2);
      grown.set(this.days);
      this.days = grown;
    }
    this.days[this.delivered++] = fastDay(deliveredDate) - fastDay(orderDate);
  }

  result(): Pick<KpiValues, "onTimeDelivery" | "cycleTime"> {
    if (this.delivered === 0)
      return { onTimeDelivery: null, cycleTime: { mean: null, median: null, p90: null } };
    const sorted = Array.from(this.days.subarray(0, this.delivered).sort());
    const cycleTime: CycleTime = {
      mean: mean(sorted),
      median: medianSorted(sorted),
      // Linear interpolation at rank (n − 1) · 0.9, as Excel PERCENTILE.INC and numpy's default.
      p90: quantileSorted(sorted, 0.9),
    };
    return { onTimeDelivery: this.onTime / this.delivered, cycleTime };
  }
}

/** Customer service level: quantity promised in the window and delivered by its promised date ÷ all promised. */
export class ServiceLevelAccumulator {
  private readonly promised = new Sum();
  private readonly kept = new Sum();

  add(promisedDate: string, deliveredDate: string | null, quantity: number): void {
    this.promised.add(quantity);
    // Open and late orders count as missed.
    if (deliveredDate !== null && deliveredDate <= promisedDate) this.kept.add(quantity);
  }

  result(): Pick<KpiValues, "serviceLevel"> {
    return { serviceLevel: ratio(this.kept.value, this.promised.value) };
  }
}

/** Days of supply at `to`: Σ latest on-hand per family ÷ (order quantity of the last 28 days ÷ 28). */
export class DaysOfSupplyAccumulator {
  private readonly latest = new Map<string, { date: string; onHand: number }>();
  private readonly demand = new Sum();

  addSnapshot(family: string, date: string, onHand: number): void {
    const seen = this.latest.get(family);
    if (!seen || date > seen.date) this.latest.set(family, { date, onHand });
  }

  addOrder(quantity: number): void {
    this.demand.add(quantity);
  }

  result(): Pick<KpiValues, "daysOfSupply"> {
    if (this.latest.size === 0) return { daysOfSupply: null };
    const onHand = new Sum();
    for (const s of this.latest.values()) onHand.add(s.onHand);
    const daily = this.demand.value / 28;
    return { daysOfSupply: daily > 0 ? onHand.value / daily : null };
  }
}

/** Every KPI of one window; rows outside the window (or of another family) are ignored. */
export class KpiAccumulator {
  private readonly forecast = new ForecastAccumulator();
  private readonly production = new ProductionAccumulator();
  private readonly delivery = new DeliveryAccumulator();
  private readonly service = new ServiceLevelAccumulator();
  private readonly supply = new DaysOfSupplyAccumulator();
  private readonly from: string;
  private readonly to: string;
  /** First day of "the last 28 days" for days of supply: to − 27. */
  readonly demandFrom: string;
  private readonly family: string | undefined;

  constructor(window: KpiWindow) {
    this.from = window.from;
    this.to = window.to;
    this.family = window.family;
    this.demandFrom = new Date((fastDay(window.to) - 27) * 86_400_000).toISOString().slice(0, 10);
  }

  private inWindow(date: string): boolean {
    return date >= this.from && date <= this.to;
  }

  private otherFamily(family: string): boolean {
    return this.family !== undefined && family !== this.family;
  }

  addDemand(r: DemandRowIn): void {
    if (this.otherFamily(r.family) || !this.inWindow(r.start)) return;
    this.forecast.add(r.forecastQty, r.actualQty);
  }

  addProduction(r: ProductionRowIn): void {
    if (this.otherFamily(r.family) || !this.inWindow(r.start)) return;
    this.production.add(r.plannedQty, r.actualQty, r.capacityQty);
  }

  addOrder(r: OrderRowIn): void {
    if (this.otherFamily(r.family)) return;
    if (r.deliveredDate !== null && this.inWindow(r.deliveredDate))
      this.delivery.add(r.orderDate, r.promisedDate, r.deliveredDate);
    if (this.inWindow(r.promisedDate)) this.service.add(r.promisedDate, r.deliveredDate, r.quantity);
    if (r.orderDate >= this.demandFrom && r.orderDate <= this.to) this.supply.addOrder(r.quantity);
  }

  addInventory(r: InventoryRowIn): void {
    if (this.otherFamily(r.family) || r.date > this.to) return;
    this.supply.addSnapshot(r.family, r.date, r.onHandQty);
  }

  result(): KpiValues {
    const f = this.forecast.result();
    const p = this.production.result();
    const d = this.delivery.result();
    return {
      forecastAccuracy: f.forecastAccuracy,
      forecastBias: f.forecastBias,
      mape: f.mape,
      onTimeDelivery: d.onTimeDelivery,
      serviceLevel: this.service.result().serviceLevel,
      planAdherence: p.planAdherence,
      cycleTime: d.cycleTime,
      capacityUtilization: p.capacityUtilization,
      daysOfSupply: this.supply.result().daysOfSupply,
    };
  }
}

/** All KPIs of a window over in-memory rows (tests, small data). */
export function computeKpisFromRows(
  window: KpiWindow,
  rows: {
    demand?: DemandRowIn[];
    production?: ProductionRowIn[];
    orders?: OrderRowIn[];
    inventory?: InventoryRowIn[];
  },
): KpiValues {
  const acc = new KpiAccumulator(window);
  for (const r of rows.demand ?? []) acc.addDemand(r);
  for (const r of rows.production ?? []) acc.addProduction(r);
  for (const r of rows.orders ?? []) acc.addOrder(r);
  for (const r of rows.inventory ?? []) acc.addInventory(r);
  return acc.result();
}
