/**
 * Every read of a cycle, a config or a claim is a lookup by `_id`. The database must answer
 * it from the `_id` index, not by reading the whole collection: FerretDB 1.24 on SQLite did the latter
 * until the launcher's build patch (src/db/ferretdb-build.ts), which made reads grow with the number of
 * teams (one cycle read: 4 ms with 1 team, 28 ms with 400).
 */
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "../../src/db/provision.ts";

describe("lookups by _id use the _id index", () => {
  let client: MongoClient;
  const dbName = `idx_${process.pid}`;

  beforeAll(async () => {
    client = await new MongoClient(withDatabase(inject("mongoServerUri"), dbName)).connect();
    await client
      .db()
      .collection<{ _id: string; n: number }>("cycles")
      .insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `T${i}|2027-01`, n: i })));
  });
  afterAll(async () => {
    await client?.db().dropDatabase();
    await client?.close();
  });

  it("find by a string _id is an index search, not a scan", async () => {
    const explain = await client
      .db()
      .command({ explain: { find: "cycles", filter: { _id: "T42|2027-01" } } });
    const plan = JSON.stringify(explain.queryPlanner);
    // FerretDB reports SQLite's plan ("SEARCH … USING INDEX"); MongoDB an IDHACK / index scan stage.
    expect(plan).toMatch(/USING INDEX|IDHACK|IXSCAN/);
    expect(plan).not.toMatch(/detail=SCAN/);
    const doc = await client
      .db()
      .collection<{ _id: string; n: number }>("cycles")
      .findOne({ _id: "T42|2027-01" });
    expect(doc?.n).toBe(42);
  });
});
