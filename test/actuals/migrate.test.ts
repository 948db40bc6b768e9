/**
 * The migration of one-row-per-document actuals into buckets, on the real database: stopped right after
 * a commit (before the old documents are deleted) and run again it loses nothing, counts nothing twice
 * and keeps a row imported in between; `sop migrate` killed mid-way (a real process, SIGKILL) and run
 * again finishes the job; a second run finds nothing to do.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { Collection, Document } from "mongodb";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importActuals } from "../../src/actuals/import-actuals.ts";
import { repoRoot } from "../../src/db/provision.ts";
import { computeKpisFromRows } from "../../src/kpi/accumulators.ts";
import { computeKpis } from "../../src/kpi/compute-kpis.ts";
import {
  ACTUALS_KINDS,
  type ActualsKind,
  actualsRows,
  migrateActuals,
} from "../../src/store/actuals/index.ts";
import { expectKpisClose } from "../kpi/hand-data.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";

let uri: string;
beforeAll(async () => {
  uri = await connectTestDatabase("actmigr");
});
afterAll(async () => {
  await dropTestDatabase();
});

const ALL = { from: "0000-01-01", to: "9999-12-31" };
const OLD: Record<ActualsKind, string> = {
  orders: "orders",
  demand: "demand_actuals",
  production: "production_actuals",
  inventory: "inventory_snapshots",
};
const old = (kind: ActualsKind) => mongoose.connection.db!.collection(OLD[kind]) as Collection<Document>;

/** Rows of every kind for a team, as the earlier import stored them: `_id` = `team|natural key`. */
function oldDocs(teamId: string, n: number) {
  const fam = (i: number) => `F${i % 7}`;
  const week = (i: number) => `2026-W${String(1 + (i % 20)).padStart(2, "0")}`;
  const weekStart = (i: number) => {
    const d = new Date(Date.UTC(2025, 11, 29) + (i % 20) * 7 * 86_400_000);
    return d.toISOString().slice(0, 10);
  };
  const day = (i: number) => `2026-0${1 + (i % 5)}-${String(1 + (i % 27)).padStart(2, "0")}`;
  const rows = Array.from({ length: n }, (_, i) => i);
  const unique = <T extends { _id: string }>(docs: T[]) => [...new Map(docs.map((d) => [d._id, d])).values()];
  return {
    orders: rows.map((i) => ({
      _id: `${teamId}|O${i}`,
      teamId,
      orderId: `O${i}`,
      family: fam(i),
      orderDate: day(i),
      promisedDate: day(i).replace(/-(\d\d)$/, "-28"),
      deliveredDate: i % 3 === 0 ? null : day(i).replace(/-(\d\d)$/, "-27"),
      quantity: 1 + (i % 9) / 4,
    })),
    demand: unique(
      rows.map((i) => ({
        _id: `${teamId}|${fam(i)}|${week(i)}`,
        teamId,
        family: fam(i),
        period: week(i),
        start: weekStart(i),
        forecastQty: i % 11,
        actualQty: i % 13,
      })),
    ),
    production: unique(
      rows.map((i) => ({
        _id: `${teamId}|${fam(i)}|${week(i)}`,
        teamId,
        family: fam(i),
        period: week(i),
        start: weekStart(i),
        plannedQty: 10 + (i % 5),
        actualQty: 9 + (i % 7),
        capacityQty: 20,
      })),
    ),
    inventory: unique(
      rows.map((i) => ({
        _id: `${teamId}|${fam(i)}|${day(i)}`,
        teamId,
        family: fam(i),
        date: day(i),
        onHandQty: 100 + i,
      })),
    ),
  };
}

async function seedOld(teamId: string, n: number) {
  const docs = oldDocs(teamId, n);
  for (const kind of ACTUALS_KINDS) await old(kind).insertMany(docs[kind] as never[]);
  return docs;
}

/** What the buckets hold for a team, as the old documents' fields (no `_id`/`teamId`). */
async function stored(teamId: string) {
  const out: Record<string, unknown[]> = {};
  for (const kind of ACTUALS_KINDS) out[kind] = await actualsRows(teamId, kind, ALL);
  return out;
}

function asRows(docs: ReturnType<typeof oldDocs>) {
  const strip = (d: Record<string, unknown>) => {
    const { _id, teamId, ...rest } = d;
    return rest;
  };
  return Object.fromEntries(ACTUALS_KINDS.map((k) => [k, docs[k].map(strip)]));
}

const sortRows = (rows: Record<string, unknown[]>) =>
  Object.fromEntries(
    Object.entries(rows).map(([k, v]) => [
      k,
      [...v].map((r) => JSON.stringify(r, Object.keys(r as object).sort())).sort(),
    ]),
  );

describe("migrating one-row-per-document actuals", () => {
  it("stopped between a commit and its deletes, then run again: nothing lost, nothing doubled, newer rows kept", async () => {
    const a = await seedOld("T0MIGA", 300);
    const b = await seedOld("T0MIGB", 200);
    let stopped = false;
    const err = await migrateActuals({
      afterCommit: async (teamId, kind) => {
        if (teamId === "T0MIGB" && kind === "demand" && !stopped) {
          stopped = true;
          throw new Error("crash");
        }
      },
    }).catch((e: unknown) => e);
    expect((err as Error).message).toBe("crash");
    // B's demand is committed to buckets, and its old documents are still there.
    expect(await old("demand").countDocuments({ teamId: "T0MIGB" })).toBe(b.demand.length);
    expect(await actualsRows("T0MIGB", "demand", ALL)).toHaveLength(b.demand.length);
    // Meanwhile someone imports a corrected row for B.
    const first = b.demand[0]!;
    await importActuals({
      teamId: "T0MIGB",
      kind: "demand",
      source: `period,family,forecast_qty,actual_qty\n${first.period},${first.family},999,999\n`,
    });

    const steps = await migrateActuals();
    expect(steps.map((s) => `${s.teamId} ${s.kind}`)).toContain("T0MIGB demand");
    expect(steps.find((s) => s.teamId === "T0MIGB" && s.kind === "demand")).toMatchObject({
      rows: b.demand.length,
      inserted: 0,
    });
    for (const kind of ACTUALS_KINDS) expect(await old(kind).countDocuments({})).toBe(0);
    expect(sortRows(await stored("T0MIGA"))).toEqual(sortRows(asRows(a)));
    const want = asRows(b);
    want.demand = want.demand!.map((r) =>
      (r as { period: string; family: string }).period === first.period &&
      (r as { family: string }).family === first.family
        ? { ...r, forecastQty: 999, actualQty: 999 }
        : r,
    );
    expect(sortRows(await stored("T0MIGB"))).toEqual(sortRows(want));
    // The KPIs over the migrated buckets are those of the old rows.
    const window = { from: "2025-12-01", to: "2026-05-31" };
    const rows = asRows(a) as never;
    const expected = computeKpisFromRows(window, rows);
    expectKpisClose(await computeKpis({ teamId: "T0MIGA", ...window }), expected);
    expect(await migrateActuals()).toEqual([]);
  });

  it("`sop migrate` killed mid-way and run again finishes the job", async () => {
    const teams = ["T0K1", "T0K2", "T0K3", "T0K4", "T0K5", "T0K6"];
    const seeded = new Map<string, ReturnType<typeof oldDocs>>();
    for (const t of teams) seeded.set(t, await seedOld(t, 400));
    const run = () => {
      const child: ChildProcess = spawn(process.execPath, [join(repoRoot, "bin/sop.js"), "migrate"], {
        env: { ...process.env, MONGODB_URI: uri },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      let stdout = "";
      child.stderr!.on("data", (d) => {
        stderr += d;
      });
      child.stdout!.on("data", (d) => {
        stdout += d;
      });
      const done = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
        child.on("exit", (code, signal) => resolve({ code, signal })),
      );
      return { child, done, stderr: () => stderr, stdout: () => stdout };
    };
    const first = run();
    // Kill it as soon as it has moved one team and kind.
    const deadline = Date.now() + 60_000;
    while (!first.stderr().includes("migrated {") && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    first.child.kill("SIGKILL");
    const killed = await first.done;
    expect(first.stderr()).toContain("migrated {");
    expect(killed.signal).toBe("SIGKILL");
    const left = await old("orders").countDocuments({});
    expect(left).toBeGreaterThan(0);

    const second = run();
    expect((await second.done).code, second.stderr()).toBe(0);
    expect(JSON.parse(second.stdout()).migrated.length).toBeGreaterThan(0);
    for (const kind of ACTUALS_KINDS) expect(await old(kind).countDocuments({})).toBe(0);
    for (const t of teams) expect(sortRows(await stored(t)), t).toEqual(sortRows(asRows(seeded.get(t)!)));
  }, 120_000);
});
