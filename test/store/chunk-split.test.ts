/**
 * A month's rows are cut into chunks that each stay under MongoDB's 16 MB document limit and at most
 * CHUNK_ROWS rows, whatever the names: long family names and order ids push a month over the byte bound
 * long before the row bound. The cut keeps every row once, in order, and each chunk decodes back to
 * its rows.
 */
import { BSON } from "mongodb";
import { describe, expect, it } from "vitest";
import { CHUNK_ROWS, splitRows } from "../../src/store/actuals/build-chunks.ts";
import { ordersCodec } from "../../src/store/actuals/orders-codec.ts";
import type { OrderRow } from "../../src/store/actuals/rows.ts";

const MONGO_DOCUMENT_LIMIT = 16 * 1024 * 1024;

function orders(n: number, nameLength: number, families = n): OrderRow[] {
  return Array.from({ length: n }, (_, i) => ({
    orderId: `O-${String(i).padStart(7, "0")}-${"x".repeat(Math.max(0, nameLength - 10))}`,
    family: `F${i % families}-${"é".repeat(nameLength)}`,
    orderDate: "2026-11-02",
    promisedDate: "2026-11-09",
    deliveredDate: i % 3 === 0 ? null : "2026-11-08",
    quantity: i + 0.5,
  }));
}

function checkCut(rows: OrderRow[]) {
  const parts = splitRows(ordersCodec, rows);
  expect(parts.flat()).toEqual(rows);
  for (const part of parts) {
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThanOrEqual(CHUNK_ROWS);
    const columns = ordersCodec.encode(ordersCodec.toChunk(part));
    const doc = {
      _id: "T0|orders|2026-11|g|0000",
      teamId: "T0",
      kind: "orders",
      month: "2026-11",
      n: part.length,
      cols: columns,
    };
    expect(BSON.calculateObjectSize(doc)).toBeLessThan(MONGO_DOCUMENT_LIMIT);
    const back = ordersCodec.decode(columns, part.length);
    expect(back.orderIds).toEqual(part.map((r) => r.orderId));
    expect([...back.family].map((f) => back.families[f])).toEqual(part.map((r) => r.family));
  }
  return parts;
}

describe("cutting a month into chunks", () => {
  it("cuts by rows when names are short", () => {
    const parts = checkCut(orders(2 * CHUNK_ROWS + 7, 12, 500));
    expect(parts.map((p) => p.length)).toEqual([CHUNK_ROWS, CHUNK_ROWS, 7]);
  });

  it("cuts by bytes when long names and ids would pass the document limit", () => {
    // 20,000 orders, each with its own 2,000-character family name (6 KB in UTF-8 counted at 3 bytes a
    // character) and a 2,000-character id: ~240 MB of text, which must not become one document.
    const parts = checkCut(orders(20_000, 2_000));
    expect(parts.length).toBeGreaterThan(10);
  });

  it("counts a family's name once per chunk, so a few long names over many rows stay in one chunk", () => {
    const parts = checkCut(
      orders(CHUNK_ROWS, 2_000, 20).map((r) => ({ ...r, orderId: r.orderId.slice(0, 9) })),
    );
    expect(parts).toHaveLength(1);
  });
});
