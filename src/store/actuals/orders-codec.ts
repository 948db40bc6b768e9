/**
 * Orders in buckets: a bucket is the month of `order_date`; rows sorted by order id. Columns: order ids
 * (strings), family (dictionary index), order, promised and delivered dates (day numbers; an open
 * order's delivered date is null), quantity.
 */

import { byText, type Chunk, decodeFamilies, encodeFamilies, type KindCodec } from "./codec.ts";
import { decodeNumbers, decodeStrings, encodeNumbers, encodeStrings, NULL_DAY } from "./column-codec.ts";
import { dayText, fastDay } from "./days.ts";
import { DictionaryBuilder } from "./dictionary.ts";
import type { OrderRow } from "./rows.ts";

export interface OrderChunk extends Chunk {
  orderIds: string[];
  orderDay: Int32Array;
  promisedDay: Int32Array;
  /** NULL_DAY while the order is open. */
  deliveredDay: Int32Array;
  quantity: Float64Array;
}

export const ordersCodec: KindCodec<OrderRow, OrderChunk> = {
  kind: "orders",
  monthOf: (r) => r.orderDate.slice(0, 7),
  monthDate: (r) => r.orderDate,
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
    // One pass over the rows fills every column.
    const n = rows.length;
    const families = new DictionaryBuilder();
    const family = new Int32Array(n);
    const orderIds: string[] = new Array(n);
    const orderDay = new Int32Array(n);
    const promisedDay = new Int32Array(n);
    const deliveredDay = new Int32Array(n);
    const quantity = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      family[i] = families.id(r.family);
      orderIds[i] = r.orderId;
      orderDay[i] = fastDay(r.orderDate);
      promisedDay[i] = fastDay(r.promisedDate);
      deliveredDay[i] = r.deliveredDate === null ? NULL_DAY : fastDay(r.deliveredDate);
      quantity[i] = r.quantity;
    }
    const names = families.finish(family);
    return { n, families: names, family, orderIds, orderDay, promisedDay, deliveredDay, quantity };
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
