/** Everything the actuals collections hold, as one comparable value (to assert "database unchanged"). */
import mongoose from "mongoose";

const COLLECTIONS = [
  "actuals_buckets",
  "actuals_manifests",
  "actuals_leases",
  "orders",
  "demand_actuals",
  "production_actuals",
  "inventory_snapshots",
];

export async function actualsState(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of COLLECTIONS) {
    const docs = (await mongoose.connection.db!.collection(name).find({}).toArray()) as unknown as {
      _id: string;
    }[];
    out[name] = docs.sort((a, b) => (a._id < b._id ? -1 : 1));
  }
  return out;
}
