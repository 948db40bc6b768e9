/** The connected database as a whole: whether anything is in it, and emptying it (the demo's fresh start). */
import mongoose from "mongoose";

/** True when any collection of the connected database holds a document. */
export async function databaseHoldsData(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("no database connected");
  for (const c of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if ((await db.collection(c.name).estimatedDocumentCount()) > 0) return true;
  }
  return false;
}

/** Drops the connected database (its indexes go with it: reconnect to recreate them). */
export async function dropConnectedDatabase(): Promise<void> {
  await mongoose.connection.dropDatabase();
}
