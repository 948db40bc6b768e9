/**
 * The inventory's latest-snapshot-per-family index, kept with each inventory revision: per family the
 * first and last snapshot dates and the last on-hand quantity. Days of supply at `to` then needs no
 * bucket at all for a family whose last snapshot is on or before `to` (the usual case: KPIs of the
 * current week or month); only for the others does a reader walk back through the months. Imports only
 * add or replace snapshots (a snapshot's date is part of its key), so the index is updated from the
 * rows an import wrote, without rereading any bucket.
 */

import { type ChunkDoc, readChunks } from "./chunks.ts";
import { byText } from "./codec.ts";
import { decodeNumbers, decodeStrings, encodeNumbers, encodeStrings } from "./column-codec.ts";
import { fastDay } from "./days.ts";
import { chunkId } from "./ids.ts";
import type { ChunkRef, Manifest } from "./manifest.ts";
import type { InventoryRow } from "./rows.ts";

export interface LatestIndex {
  /** Sorted. */
  families: string[];
  firstDay: Int32Array;
  lastDay: Int32Array;
  onHand: Float64Array;
}

const FAMILIES_PER_CHUNK = 50_000;

export async function readLatestIndex(manifest: Manifest): Promise<LatestIndex> {
  const parts: LatestIndex[] = [];
  for await (const doc of readChunks(manifest.latest)) {
    parts.push({
      families: decodeStrings(doc.cols.families!),
      firstDay: decodeNumbers(doc.cols.firstDay!, new Int32Array(doc.n)),
      lastDay: decodeNumbers(doc.cols.lastDay!, new Int32Array(doc.n)),
      onHand: decodeNumbers(doc.cols.onHand!, new Float64Array(doc.n)),
    });
  }
  if (parts.length === 1) return parts[0]!;
  const families = parts.flatMap((p) => p.families);
  const concat = <T extends Int32Array | Float64Array>(
    make: (n: number) => T,
    pick: (p: LatestIndex) => T,
  ) => {
    const out = make(families.length);
    let at = 0;
    for (const p of parts) {
      out.set(pick(p), at);
      at += p.families.length;
    }
    return out;
  };
  return {
    families,
    firstDay: concat(
      (n) => new Int32Array(n),
      (p) => p.firstDay,
    ),
    lastDay: concat(
      (n) => new Int32Array(n),
      (p) => p.lastDay,
    ),
    onHand: concat(
      (n) => new Float64Array(n),
      (p) => p.onHand,
    ),
  };
}

/** The index after `landed` (rows an import inserted or replaced) were written. */
export function updateLatestIndex(index: LatestIndex, landed: readonly InventoryRow[]): LatestIndex {
  const entries = new Map<string, { first: number; last: number; onHand: number }>();
  index.families.forEach((f, i) => {
    entries.set(f, { first: index.firstDay[i]!, last: index.lastDay[i]!, onHand: index.onHand[i]! });
  });
  for (const r of landed) {
    const day = fastDay(r.date);
    const e = entries.get(r.family);
    if (!e) entries.set(r.family, { first: day, last: day, onHand: r.onHandQty });
    else {
      if (day < e.first) e.first = day;
      if (day >= e.last) {
        e.last = day;
        e.onHand = r.onHandQty;
      }
    }
  }
  const families = [...entries.keys()].sort(byText);
  const out: LatestIndex = {
    families,
    firstDay: new Int32Array(families.length),
    lastDay: new Int32Array(families.length),
    onHand: new Float64Array(families.length),
  };
  families.forEach((f, i) => {
    const e = entries.get(f)!;
    out.firstDay[i] = e.first;
    out.lastDay[i] = e.last;
    out.onHand[i] = e.onHand;
  });
  return out;
}

export const emptyLatestIndex = (): LatestIndex => ({
  families: [],
  firstDay: new Int32Array(0),
  lastDay: new Int32Array(0),
  onHand: new Float64Array(0),
});

/** The index as chunk documents of generation `gen`. */
export function latestIndexDocs(
  teamId: string,
  gen: string,
  index: LatestIndex,
): { docs: ChunkDoc[]; refs: ChunkRef[] } {
  const docs: ChunkDoc[] = [];
  for (let at = 0, part = 0; at < index.families.length; at += FAMILIES_PER_CHUNK, part++) {
    const end = Math.min(index.families.length, at + FAMILIES_PER_CHUNK);
    const n = end - at;
    docs.push({
      _id: chunkId(teamId, "inventory", "latest", gen, part),
      teamId,
      kind: "inventory",
      month: "latest",
      n,
      cols: {
        families: encodeStrings(index.families.slice(at, end)),
        firstDay: encodeNumbers(index.firstDay.subarray(at, end), n),
        lastDay: encodeNumbers(index.lastDay.subarray(at, end), n),
        onHand: encodeNumbers(index.onHand.subarray(at, end), n),
      },
    });
  }
  return { docs, refs: docs.map((d) => ({ id: d._id, rows: d.n })) };
}
