/** Everything the actuals collections hold, as one comparable value (to assert "database unchanged"). */
import { DemandActualModel } from "../../src/db/models/demand-actual.ts";
import { InventorySnapshotModel } from "../../src/db/models/inventory-snapshot.ts";
import { OrderModel } from "../../src/db/models/order.ts";
import { ProductionActualModel } from "../../src/db/models/production-actual.ts";

export async function actualsState(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [name, model] of Object.entries({
    orders: OrderModel,
    demand: DemandActualModel,
    production: ProductionActualModel,
    inventory: InventorySnapshotModel,
  })) {
    const docs = (await model.collection.find({}).toArray()) as unknown as { _id: string }[];
    out[name] = docs.sort((a, b) => (a._id < b._id ? -1 : 1));
  }
  return out;
}
