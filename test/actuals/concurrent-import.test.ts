/**
 * Imports of one team and kind are serialized by the lease, on the real database: two `sop import`
 * processes with overlapping keys, started while a third party holds the lease, both wait, then run one
 * after the other — the result is exactly one of the two serial results, nothing lost, and each
 * process's counts are that order's. A crashed importer's lease is taken over and its leftover chunks
 * are deleted by the next commit; an order whose date moved leaves its old month.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importActuals } from "../../src/actuals/import-actuals.ts";
import { ActualsBucketModel } from "../../src/db/models/actuals-bucket.ts";
import { ActualsLeaseModel } from "../../src/db/models/actuals-lease.ts";
import { repoRoot } from "../../src/db/provision.ts";
import { leaseId } from "../../src/store/actuals/ids.ts";
import { actualsRows, type OrderRow } from "../../src/store/actuals/index.ts";
import { acquireLease } from "../../src/store/actuals/lease.ts";
import { currentManifest } from "../../src/store/actuals/manifest.ts";
import { tempFile } from "../support/cli-run.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { ORDERS_HEADER } from "./bad-cases.ts";

let uri: string;
beforeAll(async () => {
  uri = await connectTestDatabase("actconc");
});
afterAll(async () => {
  await dropTestDatabase();
});

const ALL = { from: "0000-01-01", to: "9999-12-31" };
const id = (i: number) => `C${String(i).padStart(5, "0")}`;
const line = (i: number, qty: number, month = "01") =>
  `${id(i)},Grinders,2026-${month}-02,2026-${month}-09,,${qty}`;
const file = (lines: string[]) => [ORDERS_HEADER, ...lines].join("\n");
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** `sop import` as its own process, with its stderr lines as they come. */
function sopProcess(args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, "bin/sop.js"), ...args], {
    env: { ...process.env, MONGODB_URI: uri },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => {
    stdout += d;
  });
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
  return { done, stderr: () => stderr };
}

async function until(condition: () => boolean, what: string, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Quantities by order id after applying files in order (the natural-key upsert, by hand). */
function serial(base: Map<string, number>, ...files: Map<string, number>[]) {
  const out = new Map(base);
  const counts = files.map((f) => {
    let inserted = 0;
    for (const k of f.keys()) if (!out.has(k)) inserted++;
    for (const [k, v] of f) out.set(k, v);
    return { inserted, updated: f.size - inserted };
  });
  return { state: out, counts };
}

describe("two imports at once", () => {
  it("give exactly a serial result, nothing lost, with that order's counts", async () => {
    const team = "T0CONC";
    const baseRows = range(0, 3000);
    await importActuals({ teamId: team, kind: "orders", source: file(baseRows.map((i) => line(i, 1))) });
    // A replaces 2000–3999 with 2 (and moves 2000–2099 to March); B replaces 3000–4999 with 3.
    const a = range(2000, 4000);
    const b = range(3000, 5000);
    const fileA = tempFile("a.csv", file(a.map((i) => line(i, 2, i < 2100 ? "03" : "01"))));
    const fileB = tempFile("b.csv", file(b.map((i) => line(i, 3))));

    // Hold the lease so both processes are certainly running at the same time, then let them go.
    const held = await acquireLease(team, "orders");
    const pa = sopProcess(["import", "orders", fileA, "--team", team]);
    const pb = sopProcess(["import", "orders", fileB, "--team", team]);
    await until(() => pa.stderr().includes("waiting") && pb.stderr().includes("waiting"), "both to wait");
    await held.release();
    const [ra, rb] = await Promise.all([pa.done, pb.done]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);

    const stored = await actualsRows(team, "orders", ALL);
    const state = new Map(stored.map((o) => [o.orderId, o.quantity]));
    const base = new Map(baseRows.map((i) => [id(i), 1]));
    const mapA = new Map(a.map((i) => [id(i), 2]));
    const mapB = new Map(b.map((i) => [id(i), 3]));
    const aFirst = serial(base, mapA, mapB);
    const bFirst = serial(base, mapB, mapA);
    const got = { a: JSON.parse(ra.stdout), b: JSON.parse(rb.stdout) };
    const expected = state.get(id(3500)) === 3 ? aFirst : bFirst;
    expect(state).toEqual(expected.state);
    const [first, second] = expected === aFirst ? [got.a, got.b] : [got.b, got.a];
    expect([first, second].map((r) => ({ inserted: r.inserted, updated: r.updated }))).toEqual(
      expected.counts,
    );
    expect(stored).toHaveLength(5000);
    // Moved orders live in March only.
    const jan = await actualsRows(team, "orders", { from: "2026-01-01", to: "2026-01-31" });
    expect(jan.some((o) => o.orderId === id(2050))).toBe(false);
    const march = await actualsRows(team, "orders", { from: "2026-03-01", to: "2026-03-31" });
    expect(march.map((o) => o.orderId)).toEqual(range(2000, 2100).map(id));
  }, 120_000);
});

describe("the lease", () => {
  it("is taken over from a crashed importer, whose leftovers the next commit deletes", async () => {
    const team = "T0CRASH";
    await importActuals({ teamId: team, kind: "orders", source: file([line(1, 1)]) });
    const base = await currentManifest(team, "orders");
    // A crashed import: its lease expired, one chunk written, never committed.
    const orphan = `${team}|orders|2026-01|g99999999-dead|000`;
    await ActualsBucketModel.collection.insertOne({
      _id: orphan,
      teamId: team,
      kind: "orders",
      month: "2026-01",
      n: 0,
      cols: {},
    } as never);
    await ActualsLeaseModel.collection.insertOne({
      _id: leaseId(team, "orders", base.revision, 0),
      teamId: team,
      kind: "orders",
      base: base.revision,
      attempt: 0,
      owner: "crashed",
      acquiredAt: new Date(Date.now() - 120_000),
      expiresAt: new Date(Date.now() - 60_000),
      pending: [orphan],
    } as never);
    const r = await importActuals({ teamId: team, kind: "orders", source: file([line(1, 5), line(2, 1)]) });
    expect(r).toMatchObject({ inserted: 1, updated: 1 });
    expect(await ActualsBucketModel.collection.findOne({ _id: orphan as never })).toBeNull();
    expect(await ActualsLeaseModel.collection.countDocuments({ teamId: team })).toBe(0);
    const rows: OrderRow[] = await actualsRows(team, "orders", ALL);
    expect(rows.map((o) => [o.orderId, o.quantity])).toEqual([
      [id(1), 5],
      [id(2), 1],
    ]);
  });

  it("tells a waiting import clearly when the other one does not finish in time", async () => {
    const team = "T0BUSY";
    const held = await acquireLease(team, "demand");
    try {
      const err = await importActuals(
        { teamId: team, kind: "demand", source: "period,family,forecast_qty,actual_qty\n2026-01,G,1,1\n" },
        { lease: { waitMs: 300 } },
      ).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(
        /^Another import of demand actuals for this team is still running \(for \d+ s\)\. Nothing was imported; please try again when it has finished\.$/,
      );
    } finally {
      await held.release();
    }
    expect(await actualsRows(team, "demand", ALL)).toEqual([]);
  });
});
