/**
 * The KPI engine over bucketed actuals: it reads only the months a window can touch — demand and
 * production of the months the window's days fall in, order months whose delivered or promised dates
 * reach into the window or whose order dates fall in the last 28 days, and per family the latest
 * inventory snapshot on or before `to` (the store's latest-per-family index, walking back through
 * months only when needed) — and feeds the columns straight into the accumulators, applying the exact
 * window rules row by row. Several windows at once (`/sop kpi`: the month and the same days a week
 * earlier; the daily job: last week and this week) share one read: each chunk of the months any of
 * them touches is read once and fed to every window's accumulators. The reads of the four kinds run
 * side by side; each starts over if an import replaces its chunks meanwhile. Memory holds a few chunks
 * at a time plus one integer per delivered order.
 */
import {
  type ChunkOf,
  consistently,
  type DemandChunk,
  dayText,
  familyIndex,
  latestOnHandByFamily,
  type Manifest,
  type MonthEntry,
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

/** A window as the engine uses it: the request and its day numbers. */
interface WindowDays {
  req: KpiWindow;
  days: KpiDays;
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

const orderAccumulators = (): OrderAccumulators => ({
  delivery: new DeliveryAccumulator(),
  service: new ServiceLevelAccumulator(),
  supply: new DaysOfSupplyAccumulator(),
});

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

/** The months of a kind any of the windows touches, each once, in month order. */
function union(windows: readonly WindowDays[], pick: (m: Manifest, w: WindowDays) => MonthEntry[]) {
  return (m: Manifest): MonthEntry[] => {
    const months = new Map(windows.flatMap((w) => pick(m, w).map((e) => [e.month, e])));
    return [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  };
}

/**
 * One read of a kind for every window: each chunk of the months any of them touches, fed to each
 * window's accumulators (made afresh if the read has to start over).
 */
function feed<K extends "demand" | "production" | "orders", A>(
  teamId: string,
  kind: K,
  windows: readonly WindowDays[],
  pick: (m: Manifest, w: WindowDays) => MonthEntry[],
  make: () => A,
  add: (acc: A, chunk: ChunkOf[K], days: KpiDays, only: number) => void,
): Promise<A[]> {
  return consistently(async () => {
    const accs = windows.map(make);
    for await (const { chunk } of scanChunks(teamId, kind, union(windows, pick)))
      windows.forEach((w, i) => {
        // -1: the family is not in this chunk; -2: no family asked for.
        const only = familyIndex(chunk.families, w.req.family);
        if (only !== -1) add(accs[i]!, chunk, w.days, only);
      });
    return accs;
  });
}

const ordersOf = (m: Manifest, w: WindowDays): MonthEntry[] =>
  monthsOfOrders(m, {
    deliveredIn: w.req,
    promisedIn: w.req,
    orderedIn: { from: dayText(w.days.demandFrom), to: w.req.to },
  });

/** Every KPI of each window for a team, reading each chunk they need once; values in window order. */
export async function computeKpisFor(teamId: string, requests: readonly KpiWindow[]): Promise<KpiValues[]> {
  const windows = requests.map((req) => ({ req, days: kpiDays(req) }));
  const byWindow = (m: Manifest, w: WindowDays) => monthsOfWindow(m, w.req);
  const [forecast, production, orders, onHand] = await Promise.all([
    feed(teamId, "demand", windows, byWindow, () => new ForecastAccumulator(), addDemand),
    feed(teamId, "production", windows, byWindow, () => new ProductionAccumulator(), addProduction),
    feed(teamId, "orders", windows, ordersOf, orderAccumulators, addOrders),
    Promise.all(requests.map((w) => latestOnHandByFamily(teamId, w.to, w.family))),
  ]);
  return windows.map((_, i) => {
    const o = orders[i]!;
    for (const s of onHand[i]!) o.supply.addSnapshot(s.family, 0, s.onHandQty);
    return kpiValues(forecast[i]!, production[i]!, o.delivery, o.service, o.supply);
  });
}

/** Every KPI for a team over `[from, to]`, optionally one family. */
export async function computeKpis(req: KpiRequest): Promise<KpiValues> {
  const { teamId, ...window } = req;
  return (await computeKpisFor(teamId, [window]))[0]!;
}
