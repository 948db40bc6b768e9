/**
 * The KPI engine over bucketed actuals: it reads only the months a window can touch — demand and
 * production of the months the window's days fall in, order months whose delivered or promised dates
 * reach into the window or whose order dates fall in the last 28 days, and per family the latest
 * inventory snapshot on or before `to` (the store's latest-per-family index, walking back through
 * months only when needed) — and feeds the columns straight into the accumulators, applying the exact
 * window rules row by row. Four reads run side by side; each starts over if an import replaces its
 * chunks meanwhile. Memory holds a few chunks at a time plus one integer per delivered order.
 */
import {
  consistently,
  type DemandChunk,
  dayText,
  familyIndex,
  latestOnHandByFamily,
  monthsOfOrders,
  monthsOfWindow,
  NULL_DAY,
  type OrderChunk,
  type ProductionChunk,
  scanChunks,
} from "../store/actuals/index.ts";
import {
  DaysOfSupplyAccumulator,
  DeliveryAccumulator,
  ForecastAccumulator,
  type KpiDays,
  kpiDays,
  kpiValues,
  ProductionAccumulator,
  ServiceLevelAccumulator,
} from "./accumulators.ts";
import type { KpiValues, KpiWindow } from "./kpi-values.ts";

export interface KpiRequest extends KpiWindow {
  teamId: string;
}

function addDemand(acc: ForecastAccumulator, c: DemandChunk, days: KpiDays, only: number): void {
  const { forecastQty, actualQty } = c.values;
  for (let i = 0; i < c.n; i++) {
    if (only >= 0 && c.family[i] !== only) continue;
    const start = c.periodStart[c.period[i]!]!;
    if (start >= days.from && start <= days.to) acc.add(forecastQty[i]!, actualQty[i]!);
  }
}

function addProduction(acc: ProductionAccumulator, c: ProductionChunk, days: KpiDays, only: number): void {
  const { plannedQty, actualQty, capacityQty } = c.values;
  for (let i = 0; i < c.n; i++) {
    if (only >= 0 && c.family[i] !== only) continue;
    const start = c.periodStart[c.period[i]!]!;
    if (start >= days.from && start <= days.to) acc.add(plannedQty[i]!, actualQty[i]!, capacityQty[i]!);
  }
}

interface OrderAccumulators {
  delivery: DeliveryAccumulator;
  service: ServiceLevelAccumulator;
  supply: DaysOfSupplyAccumulator;
}

function addOrders(acc: OrderAccumulators, c: OrderChunk, days: KpiDays, only: number): void {
  for (let i = 0; i < c.n; i++) {
    if (only >= 0 && c.family[i] !== only) continue;
    const ordered = c.orderDay[i]!;
    const promised = c.promisedDay[i]!;
    const delivered = c.deliveredDay[i]!;
    if (delivered !== NULL_DAY && delivered >= days.from && delivered <= days.to)
      acc.delivery.add(ordered, promised, delivered);
    if (promised >= days.from && promised <= days.to) acc.service.add(promised, delivered, c.quantity[i]!);
    if (ordered >= days.demandFrom && ordered <= days.to) acc.supply.addOrder(c.quantity[i]!);
  }
}

async function forecastOf(req: KpiRequest, days: KpiDays): Promise<ForecastAccumulator> {
  const acc = new ForecastAccumulator();
  for await (const { chunk } of scanChunks(req.teamId, "demand", (m) => monthsOfWindow(m, req))) {
    // -1: the family is not in this chunk; -2: no family asked for.
    const only = familyIndex(chunk.families, req.family);
    if (only !== -1) addDemand(acc, chunk, days, only);
  }
  return acc;
}

async function productionOf(req: KpiRequest, days: KpiDays): Promise<ProductionAccumulator> {
  const acc = new ProductionAccumulator();
  for await (const { chunk } of scanChunks(req.teamId, "production", (m) => monthsOfWindow(m, req))) {
    const only = familyIndex(chunk.families, req.family);
    if (only !== -1) addProduction(acc, chunk, days, only);
  }
  return acc;
}

async function ordersOf(req: KpiRequest, days: KpiDays): Promise<OrderAccumulators> {
  const acc = {
    delivery: new DeliveryAccumulator(),
    service: new ServiceLevelAccumulator(),
    supply: new DaysOfSupplyAccumulator(),
  };
  const window = { from: req.from, to: req.to };
  const last28 = { from: dayText(days.demandFrom), to: req.to };
  const pick = { deliveredIn: window, promisedIn: window, orderedIn: last28 };
  for await (const { chunk } of scanChunks(req.teamId, "orders", (m) => monthsOfOrders(m, pick))) {
    const only = familyIndex(chunk.families, req.family);
    if (only !== -1) addOrders(acc, chunk, days, only);
  }
  return acc;
}

/** Every KPI for a team over `[from, to]`, optionally one family. */
export async function computeKpis(req: KpiRequest): Promise<KpiValues> {
  const days = kpiDays(req);
  const [forecast, production, orders, onHand] = await Promise.all([
    consistently(() => forecastOf(req, days)),
    consistently(() => productionOf(req, days)),
    consistently(() => ordersOf(req, days)),
    latestOnHandByFamily(req.teamId, req.to, req.family),
  ]);
  for (const s of onHand) orders.supply.addSnapshot(s.family, 0, s.onHandQty);
  return kpiValues(forecast, production, orders.delivery, orders.service, orders.supply);
}
