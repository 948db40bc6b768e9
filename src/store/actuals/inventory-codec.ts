/**
 * Inventory snapshots in buckets: a bucket is the month of the snapshot's date; rows sorted by family
 * then date. Columns: family (dictionary index), date (day number), on-hand quantity.
 */

import { byText, type Chunk, decodeFamilies, encodeFamilies, type KindCodec } from "./codec.ts";
import { decodeNumbers, encodeNumbers } from "./column-codec.ts";
import { dayText, fastDay } from "./days.ts";
import { DictionaryBuilder } from "./dictionary.ts";
import type { InventoryRow } from "./rows.ts";

export interface InventoryChunk extends Chunk {
  day: Int32Array;
  onHand: Float64Array;
}

export const inventoryCodec: KindCodec<InventoryRow, InventoryChunk> = {
  kind: "inventory",
  monthOf: (r) => r.date.slice(0, 7),
  monthDate: (r) => r.date,
  key: (r) => `${r.family}\u0000${r.date}`,
  compare: (a, b) => byText(a.family, b.family) || byText(a.date, b.date),
  compareTo: (r, c, i) => byText(r.family, c.families[c.family[i]!]!) || fastDay(r.date) - c.day[i]!,
  sameAs: (r, c, i) => r.onHandQty === c.onHand[i],
  keyAt: (c, i) => `${c.families[c.family[i]!]!}\u0000${dayText(c.day[i]!)}`,
  keyDecidesMonth: true,
  extraBytes: () => 0,
  toChunk(rows) {
    const n = rows.length;
    const families = new DictionaryBuilder();
    const family = new Int32Array(n);
    const day = new Int32Array(n);
    const onHand = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      family[i] = families.id(r.family);
      day[i] = fastDay(r.date);
      onHand[i] = r.onHandQty;
    }
    return { n, families: families.finish(family), family, day, onHand };
  },
  rowOf: (c, i) => ({ date: dayText(c.day[i]!), family: c.families[c.family[i]!]!, onHandQty: c.onHand[i]! }),
  dayOf: (c, i) => c.day[i]!,
  encode: (c) => ({
    ...encodeFamilies(c),
    day: encodeNumbers(c.day, c.n),
    onHand: encodeNumbers(c.onHand, c.n),
  }),
  decode: (cols, n) => ({
    ...decodeFamilies(cols, n),
    day: decodeNumbers(cols.day!, new Int32Array(n)),
    onHand: decodeNumbers(cols.onHand!, new Float64Array(n)),
  }),
  facts(rows) {
    let min = rows[0]!.date;
    let max = min;
    for (const r of rows) {
      if (r.date < min) min = r.date;
      if (r.date > max) max = r.date;
    }
    return { rows: rows.length, dateMin: min, dateMax: max };
  },
};
