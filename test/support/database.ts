/** A fresh database per test file on the run's shared server. */
import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { inject } from "vitest";
import { connectDatabase, disconnectDatabase } from "../../src/db/connection.ts";
import { withDatabase } from "../../src/db/provision.ts";

export function testDatabaseUri(label = "t"): string {
  const name = `${label.replace(/[^a-z0-9]/gi, "").slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  return withDatabase(inject("mongoServerUri"), name);
}

export async function connectTestDatabase(label?: string): Promise<string> {
  const uri = testDatabaseUri(label);
  await connectDatabase(uri);
  return uri;
}

export async function dropTestDatabase(): Promise<void> {
  if (mongoose.connection.readyState === 1) await mongoose.connection.dropDatabase().catch(() => {});
  await disconnectDatabase();
}
