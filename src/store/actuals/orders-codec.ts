/**
 * Orders in buckets: a bucket is the month of `order_date`; rows sorted by order id. Columns: order ids
 * (strings), family (dictionary index), order, promised and delivered dates (day numbers; an open
 * order's delivered date is null), quantity.
 */

import {
  byText,
  type Chunk,
  countFamilies,
  decodeFamilies,
  encodeFamilies,
  familyColumn,
  type KindCodec,
  numberColumn,
} from "./codec.ts";
import { decodeNumbers, decodeStrings, encodeNumbers, encodeStrings, NULL_DAY } from "./column-codec.ts";
import { dayText, fastDay } from "./days.ts";
import type { OrderRow } from "./rows.ts";

export interface OrderChunk extends Chunk {
  orderIds: string[];
  orderDay: Int32Array;
  promisedDay: Int32Array;
  /** NULL_DAY while the order is open. */
  deliveredDay: Int32Array;
  quantity: Float64Array;
}

function dayColumn(rows: readonly OrderRow[], field: (r: OrderRow) => string | null): Int32Array {
  const out = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const d = field(rows[i]!);
    out[i] = d === null ? NULL_DAY : fastDay(d);
  }
  return out;
}

export const ordersCodec: KindCodec<OrderRow, OrderChunk> = {
  kind: "orders",
  monthOf: (r) => r.orderDate.slice(0, 7),
  key: (r) => r.orderId,
  compare: (a, b) => byText(a.orderId, b.orderId),
  compareTo: (r, c, i) => byText(r.orderId, c.orderIds[i]!),
  sameAs: (r, c, i) =>
    r.quantity === c.quantity[i] &&
    fastDay(r.orderDate) === c.orderDay[i] &&
    fastDay(r.promisedDate) === c.promisedDay[i] &&
    (r.deliveredDate === null ? NULL_DAY : fastDay(r.deliveredDate)) === c.deliveredDay[i] &&
    r.family === c.families[c.family[i]!],
  keyAt: (c, i) => c.orderIds[i]!,
  keyDecidesMonth: false,
  extraBytes: (r) => 3 * r.orderId.length + 1,
  toChunk(rows) {
    return {
      ...familyColumn(rows),
      n: rows.length,
      orderIds: rows.map((r) => r.orderId),
      orderDay: dayColumn(rows, (r) => r.orderDate),
      promisedDay: dayColumn(rows, (r) => r.promisedDate),
      deliveredDay: dayColumn(rows, (r) => r.deliveredDate),
      quantity: numberColumn(rows, (r) => r.quantity),
    };
  },
  rowOf(c, i) {
    const d = c.deliveredDay[i]!;
    return {
      orderId: c.orderIds[i]!,
      family: c.families[c.family[i]!]!,
      orderDate: dayText(c.orderDay[i]!),
      promisedDate: dayText(c.promisedDay[i]!),
      deliveredDate: d === NULL_DAY ? null : dayText(d),
      quantity: c.quantity[i]!,
    };
  },
  dayOf: (c, i) => c.orderDay[i]!,
  encode: (c) => ({
    ...encodeFamilies(c),
    orderIds: encodeStrings(c.orderIds),
    orderDay: encodeNumbers(c.orderDay, c.n),
    promisedDay: encodeNumbers(c.promisedDay, c.n),
    deliveredDay: encodeNumbers(c.deliveredDay, c.n, NULL_DAY),
    quantity: encodeNumbers(c.quantity, c.n),
  }),
  decode: (cols, n) => ({
    ...decodeFamilies(cols, n),
    orderIds: decodeStrings(cols.orderIds!),
    orderDay: decodeNumbers(cols.orderDay!, new Int32Array(n)),
    promisedDay: decodeNumbers(cols.promisedDay!, new Int32Array(n)),
    deliveredDay: decodeNumbers(cols.deliveredDay!, new Int32Array(n), NULL_DAY),
    quantity: decodeNumbers(cols.quantity!, new Float64Array(n)),
  }),
  facts(rows) {
    let deliveredMin: string | null = null;
    let deliveredMax: string | null = null;
    let promisedMin = rows[0]!.promisedDate;
    let promisedMax = promisedMin;
    let open = 0;
    for (const r of rows) {
      const d = r.deliveredDate;
      if (d === null) open++;
      else {
        if (deliveredMin === null || d < deliveredMin) deliveredMin = d;
        if (deliveredMax === null || d > deliveredMax) deliveredMax = d;
      }
      if (r.promisedDate < promisedMin) promisedMin = r.promisedDate;
      if (r.promisedDate > promisedMax) promisedMax = r.promisedDate;
    }
    return {
      rows: rows.length,
      families: countFamilies(rows),
      deliveredMin,
      deliveredMax,
      promisedMin,
      promisedMax,
      open,
      idMin: rows[0]!.orderId,
      idMax: rows[rows.length - 1]!.orderId,
    };
  },
  sortText: (r) => r.orderId,
};
