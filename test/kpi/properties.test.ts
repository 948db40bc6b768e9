/**
 * Property tests (fast-check) through the real import and the real database: the KPIs do not depend on
 * the order files and rows are imported in, re-importing changes nothing, and splitting a window's rows
 * across several files gives the same KPIs as one file. Runs are few and small: FerretDB is slow.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { importActuals } from "../../src/actuals/import-actuals.ts";
import type { ActualsKind } from "../../src/actuals/kinds.ts";
import { computeKpisFromRows } from "../../src/kpi/accumulators.ts";
import { computeKpis } from "../../src/kpi/compute-kpis.ts";
import type { KpiValues } from "../../src/kpi/kpi-values.ts";
import { addDays } from "../../src/time/dates.ts";
import { addWeeks, isoWeekMonday } from "../../src/time/iso-week.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { expectKpisClose } from "./hand-data.ts";

beforeAll(async () => {
  await connectTestDatabase("kpiprops");
});
afterAll(async () => {
  await dropTestDatabase();
});

const BASE = "2025-12-01";
const FAMILIES = ["Espresso machines", "Grinders", "Kettles"];
const WINDOWS = [
  { from: "2025-12-01", to: "2026-01-31" },
  { from: "2025-12-29", to: "2026-01-04" },
  { from: "2026-01-10", to: "2026-01-20", family: "Grinders" },
];
const HEADERS: Record<ActualsKind, string> = {
  orders: "order_id,family,order_date,promised_date,delivered_date,quantity",
  demand: "period,family,forecast_qty,actual_qty",
  production: "period,family,planned_qty,actual_qty,capacity_qty",
  inventory: "date,family,on_hand_qty",
};

const qty = fc.integer({ min: 0, max: 400 }).map((n) => n / 4); // decimals, zeros
const family = fc.constantFrom(...FAMILIES);
const week = fc.integer({ min: 0, max: 9 }).map((i) => addWeeks("2025-W49", i)); // across 2026-W01

const dataSet = fc.record({
  orders: fc.array(
    fc.record({
      family,
      day: fc.integer({ min: 0, max: 62 }),
      promisedLag: fc.integer({ min: 0, max: 10 }),
      deliveredLag: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
      qty,
    }),
    { maxLength: 25 },
  ),
  demand: fc.uniqueArray(fc.record({ family, week, f: qty, a: qty }), {
    maxLength: 12,
    selector: (r) => `${r.family}|${r.week}`,
  }),
  production: fc.uniqueArray(fc.record({ family, week, p: qty, a: qty, c: qty }), {
    maxLength: 12,
    selector: (r) => `${r.family}|${r.week}`,
  }),
  inventory: fc.uniqueArray(fc.record({ family, day: fc.integer({ min: 0, max: 62 }), q: qty }), {
    maxLength: 10,
    selector: (r) => `${r.family}|${r.day}`,
  }),
});
type DataSet = typeof dataSet extends fc.Arbitrary<infer T> ? T : never;

/** Data rows per kind, as CSV lines (no header). */
function csvLines(d: DataSet): Record<ActualsKind, string[]> {
  return {
    orders: d.orders.map((o, i) => {
      const ordered = addDays(BASE, o.day);
      const delivered = o.deliveredLag === null ? "" : addDays(ordered, o.deliveredLag);
      return `O${i},${o.family},${ordered},${addDays(ordered, o.promisedLag)},${delivered},${o.qty}`;
    }),
    demand: d.demand.map((r) => `${r.week},${r.family},${r.f},${r.a}`),
    production: d.production.map((r) => `${r.week},${r.family},${r.p},${r.a},${r.c}`),
    inventory: d.inventory.map((r) => `${addDays(BASE, r.day)},${r.family},${r.q}`),
  };
}

const csv = (kind: ActualsKind, lines: string[]) => [HEADERS[kind], ...lines].join("\r\n");

/** The KPIs of the data set computed in memory, without the database. */
function reference(d: DataSet, window: (typeof WINDOWS)[number]): KpiValues {
  return computeKpisFromRows(window, {
    orders: d.orders.map((o) => {
      const orderDate = addDays(BASE, o.day);
      return {
        family: o.family,
        orderDate,
        promisedDate: addDays(orderDate, o.promisedLag),
        deliveredDate: o.deliveredLag === null ? null : addDays(orderDate, o.deliveredLag),
        quantity: o.qty,
      };
    }),
    demand: d.demand.map((r) => ({
      family: r.family,
      start: isoWeekMonday(r.week),
      forecastQty: r.f,
      actualQty: r.a,
    })),
    production: d.production.map((r) => ({
      family: r.family,
      start: isoWeekMonday(r.week),
      plannedQty: r.p,
      actualQty: r.a,
      capacityQty: r.c,
    })),
    inventory: d.inventory.map((r) => ({ family: r.family, date: addDays(BASE, r.day), onHandQty: r.q })),
  });
}

let teamSeq = 0;
const nextTeam = () => `T0P${String(++teamSeq).padStart(4, "0")}`;

async function expectMatchesReference(teamId: string, d: DataSet): Promise<void> {
  for (const w of WINDOWS) expectKpisClose(await computeKpis({ teamId, ...w }), reference(d, w));
}

const KINDS: ActualsKind[] = ["orders", "demand", "production", "inventory"];

describe("KPI properties through import and database", () => {
  it("import order (files and rows) and re-imports do not change any KPI", async () => {
    await fc.assert(
      fc.asyncProperty(
        dataSet,
        fc.shuffledSubarray(KINDS, { minLength: 4, maxLength: 4 }),
        fc.shuffledSubarray(KINDS),
        fc.integer(),
        async (d, order, again, seed) => {
          const teamId = nextTeam();
          const lines = csvLines(d);
          // Rows shuffled by a seeded permutation.
          const shuffle = (xs: string[]) =>
            xs
              .map((x, i) => ({ x, k: Math.sin(seed + i * 7919) }))
              .sort((a, b) => a.k - b.k)
              .map((e) => e.x);
          for (const kind of order)
            if (lines[kind].length > 0)
              await importActuals({ teamId, kind, source: csv(kind, shuffle(lines[kind])) });
          await expectMatchesReference(teamId, d);
          for (const kind of again)
            if (lines[kind].length > 0) await importActuals({ teamId, kind, source: csv(kind, lines[kind]) });
          await expectMatchesReference(teamId, d);
        },
      ),
      { numRuns: 15 },
    );
  }, 600_000);

  it("splitting rows across several files changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        dataSet,
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 60, maxLength: 60 }),
        async (d, parts) => {
          const teamId = nextTeam();
          const lines = csvLines(d);
          for (const kind of KINDS) {
            // Row i goes to file parts[i] (up to three files per kind).
            for (let file = 0; file < 3; file++) {
              const mine = lines[kind].filter((_, i) => (parts[i % parts.length] ?? 0) === file);
              if (mine.length > 0) await importActuals({ teamId, kind, source: csv(kind, mine) });
            }
          }
          await expectMatchesReference(teamId, d);
        },
      ),
      { numRuns: 15 },
    );
  }, 600_000);
});
