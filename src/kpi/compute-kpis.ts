/**
 * The KPI engine over the database: four projected cursors (demand, production, orders, inventory)
 * streamed side by side into the accumulators, so memory stays flat whatever the data volume
 * (DESIGN §7: KPI maths in Node, no $lookup/$facet/$avg). Every query is scoped by team id (and family);
 * the accumulators apply the exact window rules. Date ranges are deliberately not sent to the server:
 * FerretDB 1.24 evaluates every non-`_id` filter by scanning, costing about as much as streaming, and a
 * selective filter makes it scan until a whole batch matches — with the matching rows at the end of a
 * big collection, one getMore outlasts the driver's socket timeout (measured: 1.37 M documents).
 */
import type { Collection, Document, Filter } from "mongodb";
import { teamScope } from "../actuals/team-scope.ts";
import { DemandActualModel } from "../db/models/demand-actual.ts";
import { InventorySnapshotModel } from "../db/models/inventory-snapshot.ts";
import { OrderModel } from "../db/models/order.ts";
import { ProductionActualModel } from "../db/models/production-actual.ts";
import {
  type DemandRowIn,
  type InventoryRowIn,
  KpiAccumulator,
  type OrderRowIn,
  type ProductionRowIn,
} from "./accumulators.ts";
import type { KpiValues, KpiWindow } from "./kpi-values.ts";

const BATCH = 5_000;

export interface KpiRequest extends KpiWindow {
  teamId: string;
}

/** One projected, team-scoped query per collection: what the engine streams (the benchmark streams the same). */
export interface KpiQuery {
  name: "demand" | "production" | "orders" | "inventory";
  collection: Collection<Document>;
  filter: Filter<Document>;
  projection: Document;
}

export function kpiQueries(req: KpiRequest): KpiQuery[] {
  const scope = (): Filter<Document> => ({
    ...teamScope(req.teamId),
    ...(req.family !== undefined ? { family: req.family } : {}),
  });
  return [
    {
      name: "demand",
      collection: DemandActualModel.collection as unknown as Collection<Document>,
      filter: scope(),
      projection: { _id: 0, family: 1, start: 1, forecastQty: 1, actualQty: 1 },
    },
    {
      name: "production",
      collection: ProductionActualModel.collection as unknown as Collection<Document>,
      filter: scope(),
      projection: { _id: 0, family: 1, start: 1, plannedQty: 1, actualQty: 1, capacityQty: 1 },
    },
    {
      name: "orders",
      collection: OrderModel.collection as unknown as Collection<Document>,
      filter: scope(),
      projection: { _id: 0, family: 1, orderDate: 1, promisedDate: 1, deliveredDate: 1, quantity: 1 },
    },
    {
      name: "inventory",
      collection: InventorySnapshotModel.collection as unknown as Collection<Document>,
      filter: scope(),
      projection: { _id: 0, family: 1, date: 1, onHandQty: 1 },
    },
  ];
}

async function stream(query: KpiQuery, each: (doc: Document) => void): Promise<number> {
  let n = 0;
  const cursor = query.collection.find(query.filter, { projection: query.projection }).batchSize(BATCH);
  for await (const doc of cursor) {
    each(doc);
    n++;
  }
  return n;
}

/** Every KPI of DESIGN §4 for a team over `[from, to]`, optionally one family. */
export async function computeKpis(req: KpiRequest): Promise<KpiValues> {
  const acc = new KpiAccumulator(req);
  const handlers = {
    demand: (d: Document) => acc.addDemand(d as DemandRowIn),
    production: (d: Document) => acc.addProduction(d as ProductionRowIn),
    orders: (d: Document) => acc.addOrder(d as OrderRowIn),
    inventory: (d: Document) => acc.addInventory(d as InventoryRowIn),
  };
  await Promise.all(kpiQueries(req).map((q) => stream(q, handlers[q.name])));
  return acc.result();
}
