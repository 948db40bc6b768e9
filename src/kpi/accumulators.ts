/**
 * The KPI maths (README "KPI definitions"), one accumulator per KPI group, fed one row at a time so
 * memory stays flat however many rows pass (cycle times are kept as 4-byte integers for the
 * percentiles). Dates are day numbers, as the buckets store them. Pure: no database, unit-tested with
 * hand-computed values. `KpiAccumulator` applies the window rules to rows, so a caller may pass rows
 * loosely filtered (or not at all) and still get exact values; the engine over buckets (compute-kpis.ts)
 * applies the same rules to columns.
 */
import { mean, medianSorted, quantileSorted } from "simple-statistics";
import { fastDay, NULL_DAY } from "../store/actuals/index.ts";
import type { CycleTime, KpiValues, KpiWindow } from "./kpi-values.ts";
import { Sum } from "./summation.ts";

export { fastDay };

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

  /** Day numbers of an order delivered in the window. */
  add(orderDay: number, promisedDay: number, deliveredDay: number): void {
    if (deliveredDay <= promisedDay) this.onTime++;
    if (this.delivered === this.days.length) {
      const grown = new Int32Array(this.days.length * 2);
      grown.set(this.days);
      this.days = grown;
    }
    this.days[this.delivered++] = deliveredDay - orderDay;
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

  /** Day numbers of an order promised in the window; an open order's delivered day is NULL_DAY. */
  add(promisedDay: number, deliveredDay: number, quantity: number): void {
    this.promised.add(quantity);
    // Open and late orders count as missed.
    if (deliveredDay !== NULL_DAY && deliveredDay <= promisedDay) this.kept.add(quantity);
  }

  result(): Pick<KpiValues, "serviceLevel"> {
    return { serviceLevel: ratio(this.kept.value, this.promised.value) };
  }
}

/** Days of supply at `to`: Σ latest on-hand per family ÷ (order quantity of the last 28 days ÷ 28). */
export class DaysOfSupplyAccumulator {
  private readonly latest = new Map<string, { day: number; onHand: number }>();
  private readonly demand = new Sum();

  /** A snapshot dated on or before `to`; the latest one of each family counts. */
  addSnapshot(family: string, day: number, onHand: number): void {
    const seen = this.latest.get(family);
    if (!seen || day > seen.day) this.latest.set(family, { day, onHand });
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
  private readonly days: KpiDays;
  private readonly family: string | undefined;

  constructor(window: KpiWindow) {
    this.days = kpiDays(window);
    this.family = window.family;
  }

  private inWindow(day: number): boolean {
    return day >= this.days.from && day <= this.days.to;
  }

  private otherFamily(family: string): boolean {
    return this.family !== undefined && family !== this.family;
  }

  addDemand(r: DemandRowIn): void {
    if (this.otherFamily(r.family) || !this.inWindow(fastDay(r.start))) return;
    this.forecast.add(r.forecastQty, r.actualQty);
  }

  addProduction(r: ProductionRowIn): void {
    if (this.otherFamily(r.family) || !this.inWindow(fastDay(r.start))) return;
    this.production.add(r.plannedQty, r.actualQty, r.capacityQty);
  }

  addOrder(r: OrderRowIn): void {
    if (this.otherFamily(r.family)) return;
    const ordered = fastDay(r.orderDate);
    const promised = fastDay(r.promisedDate);
    const delivered = r.deliveredDate === null ? NULL_DAY : fastDay(r.deliveredDate);
    if (delivered !== NULL_DAY && this.inWindow(delivered)) this.delivery.add(ordered, promised, delivered);
    if (this.inWindow(promised)) this.service.add(promised, delivered, r.quantity);
    if (ordered >= this.days.demandFrom && ordered <= this.days.to) this.supply.addOrder(r.quantity);
  }

  addInventory(r: InventoryRowIn): void {
    const day = fastDay(r.date);
    if (this.otherFamily(r.family) || day > this.days.to) return;
    this.supply.addSnapshot(r.family, day, r.onHandQty);
  }

  result(): KpiValues {
    return kpiValues(this.forecast, this.production, this.delivery, this.service, this.supply);
  }
}

/** A window as day numbers; `demandFrom` is the first day of "the last 28 days" (to − 27). */
export interface KpiDays {
  from: number;
  to: number;
  demandFrom: number;
}

export function kpiDays(window: KpiWindow): KpiDays {
  const to = fastDay(window.to);
  return { from: fastDay(window.from), to, demandFrom: to - 27 };
}

/** The KPI values, in their JSON order, from the filled accumulators. */
export function kpiValues(
  forecast: ForecastAccumulator,
  production: ProductionAccumulator,
  delivery: DeliveryAccumulator,
  service: ServiceLevelAccumulator,
  supply: DaysOfSupplyAccumulator,
): KpiValues {
  const f = forecast.result();
  const p = production.result();
  const d = delivery.result();
  return {
    forecastAccuracy: f.forecastAccuracy,
    forecastBias: f.forecastBias,
    mape: f.mape,
    onTimeDelivery: d.onTimeDelivery,
    serviceLevel: service.result().serviceLevel,
    planAdherence: p.planAdherence,
    cycleTime: d.cycleTime,
    capacityUtilization: p.capacityUtilization,
    daysOfSupply: supply.result().daysOfSupply,
  };
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
