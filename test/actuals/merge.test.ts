/**
 * The bucket merge (pure, no database) against the rule it implements, written the plain way — a table
 * of stored rows by natural key, incoming rows applied one by one: new keys inserted, equal rows left
 * alone, changed rows replaced, an order whose order date moved leaving its old month. Random stored
 * and incoming sets (fast-check), chunks of a few rows so walks cross chunk boundaries, orders with ids
 * whose text order is not their number order, and the migration's insert-only mode.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Chunk, type KindCodec, sortByKey } from "../../src/store/actuals/codec.ts";
import { codecOf } from "../../src/store/actuals/codecs.ts";
import { mergeRows } from "../../src/store/actuals/merge.ts";
import type { DemandRow, OrderRow } from "../../src/store/actuals/rows.ts";
import { addDays } from "../../src/time/dates.ts";
import { addWeeks, isoWeekMonday } from "../../src/time/iso-week.ts";

type AnyCodec<Row> = KindCodec<Row, Chunk>;

/** What the merge must give: every month's rows after the import (in key order), and the counts. */
function reference<Row>(codec: AnyCodec<Row>, stored: Row[], incoming: Row[], insertOnly: boolean) {
  const table = new Map(stored.map((r) => [codec.key(r), r]));
  let inserted = 0;
  let updated = 0;
  for (const r of incoming) {
    const key = codec.key(r);
    if (table.has(key)) {
      updated++;
      if (insertOnly) continue;
    } else inserted++;
    table.set(key, r);
  }
  const months = new Map<string, Row[]>();
  for (const r of table.values()) {
    const list = months.get(codec.monthOf(r)) ?? [];
    months.set(codec.monthOf(r), list);
    list.push(r);
  }
  for (const list of months.values()) list.sort(codec.compare);
  return { inserted, updated, months };
}

/** Stored rows as the buckets hold them: by month, in key order, in chunks of `size` rows. */
function chunked<Row>(codec: AnyCodec<Row>, rows: Row[], size: number): Map<string, Chunk[]> {
  const months = new Map<string, Row[]>();
  for (const r of rows) {
    const list = months.get(codec.monthOf(r)) ?? [];
    months.set(codec.monthOf(r), list);
    list.push(r);
  }
  const out = new Map<string, Chunk[]>();
  for (const [month, list] of months) {
    const sorted = sortByKey(codec, list);
    const chunks: Chunk[] = [];
    for (let at = 0; at < sorted.length; at += size)
      chunks.push(
        codec.decode(
          codec.encode(codec.toChunk(sorted.slice(at, at + size))),
          Math.min(size, sorted.length - at),
        ),
      );
    out.set(month, chunks);
  }
  return out;
}

function check<Row>(codec: AnyCodec<Row>, stored: Row[], incoming: Row[], size: number, insertOnly: boolean) {
  const chunks = chunked(codec, stored, size);
  const got = mergeRows(codec, incoming, chunks, { insertOnly });
  const want = reference(codec, stored, incoming, insertOnly);
  expect({ inserted: got.inserted, updated: got.updated }).toEqual({
    inserted: want.inserted,
    updated: want.updated,
  });
  const before = chunked(codec, stored, 1_000_000);
  // Every month the merge says changed holds exactly the reference's rows; every other month is as stored.
  const months = new Set([...want.months.keys(), ...before.keys()]);
  for (const month of months) {
    const expected = want.months.get(month) ?? [];
    const after = got.changed.get(month);
    if (after) expect(after).toEqual(expected);
    else {
      const kept = (before.get(month) ?? []).flatMap((c) =>
        Array.from({ length: c.n }, (_, i) => codec.rowOf(c, i)),
      );
      expect(kept).toEqual(expected);
    }
  }
  // Rows equal to what is stored (or, insert-only, any stored key) are counted unchanged and not written.
  const equal = (r: Row) => stored.some((s) => JSON.stringify(s) === JSON.stringify(r));
  const existing = (r: Row) => stored.some((s) => codec.key(s) === codec.key(r));
  expect([...got.landed].sort(codec.compare)).toEqual(
    incoming.filter((r) => !(insertOnly ? existing(r) : equal(r))).sort(codec.compare),
  );
  expect(got.unchanged).toBe(
    insertOnly
      ? want.updated
      : incoming.filter((r) => stored.some((s) => JSON.stringify(s) === JSON.stringify(r))).length,
  );
}

const demandCodec = codecOf("demand") as unknown as AnyCodec<DemandRow>;
const ordersCodec = codecOf("orders") as unknown as AnyCodec<OrderRow>;

const demandRow = fc
  .record({
    family: fc.constantFrom("Espresso", "Grinders", "Kettles", "Zeta"),
    week: fc.integer({ min: 0, max: 12 }),
    forecastQty: fc.integer({ min: 0, max: 3 }),
    actualQty: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ family, week, forecastQty, actualQty }): DemandRow => {
    const period = addWeeks("2025-W48", week);
    return { period, start: isoWeekMonday(period), family, forecastQty, actualQty };
  });

const orderRow = fc
  .record({
    id: fc.integer({ min: 1, max: 40 }),
    family: fc.constantFrom("Espresso", "Grinders"),
    day: fc.integer({ min: 0, max: 90 }),
    open: fc.boolean(),
    quantity: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ id, family, day, open, quantity }): OrderRow => {
    const orderDate = addDays("2025-12-20", day);
    return {
      orderId: `SO-${id}`,
      family,
      orderDate,
      promisedDate: addDays(orderDate, 3),
      deliveredDate: open ? null : addDays(orderDate, 2),
      quantity,
    };
  });

const unique = <Row>(codec: AnyCodec<Row>, arb: fc.Arbitrary<Row>, max: number) =>
  fc.uniqueArray(arb, { maxLength: max, selector: (r) => codec.key(r) });

/** Any stored and incoming rows, any chunk size, insert-only or not: the merge equals the table. */
const againstTable = <Row>(codec: AnyCodec<Row>, arb: fc.Arbitrary<Row>, max: number) =>
  fc.assert(
    fc.property(
      unique(codec, arb, max),
      unique(codec, arb, max),
      fc.integer({ min: 1, max: 5 }),
      fc.boolean(),
      (stored, incoming, size, insertOnly) => check(codec, stored, incoming, size, insertOnly),
    ),
    { numRuns: 300 },
  );

describe("the bucket merge", () => {
  it("gives what applying the rows to a table by key gives (demand)", () => {
    againstTable(demandCodec, demandRow, 40);
  });

  it("gives what applying the rows to a table by key gives (orders, which can move months)", () => {
    againstTable(ordersCodec, orderRow, 30);
  });

  it("re-importing what is stored changes nothing", () => {
    fc.assert(
      fc.property(unique(ordersCodec, orderRow, 30), fc.integer({ min: 1, max: 4 }), (stored, size) => {
        const got = mergeRows(ordersCodec, [...stored].reverse(), chunked(ordersCodec, stored, size));
        expect(got).toMatchObject({ inserted: 0, updated: stored.length, unchanged: stored.length });
        expect(got.changed.size).toBe(0);
        expect(got.landed).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
