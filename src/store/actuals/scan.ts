/**
 * Reading bucketed actuals: pick the months a request can touch from the manifest's per-month facts,
 * then stream those months' chunks, decoded, one at a time. Everything is read by `_id`. A chunk that
 * vanished mid-read means a newer import committed (and deleted what it replaced): `consistently`
 * runs the whole read again on the new revision, so a reader never mixes two revisions.
 */
import { ActualsMoved, readChunks } from "./chunks.ts";
import { type ChunkOf, codecOf } from "./codecs.ts";
import { currentManifest, type Manifest, type MonthEntry } from "./manifest.ts";
import type { ActualsKind } from "./rows.ts";

export interface DateWindow {
  from: string;
  to: string;
}

/** Orders matching any of the given criteria (each a window on one date, or "open at the end of a day"). */
export interface OrderSelection {
  orderedIn?: DateWindow;
  deliveredIn?: DateWindow;
  promisedIn?: DateWindow;
  /** Ordered on or before this day and not delivered by its end. */
  openAt?: string;
}

const month = (date: string) => date.slice(0, 7);

/** Months whose rows start (periods) or are dated (orders by order date, inventory) in the window. */
export function monthsOfWindow(m: Manifest, w: DateWindow): MonthEntry[] {
  const first = month(w.from);
  const last = month(w.to);
  return m.months.filter((e) => e.month >= first && e.month <= last);
}

/** Order months that can hold an order matching the selection (by their date ranges). */
export function monthsOfOrders(m: Manifest, sel: OrderSelection): MonthEntry[] {
  return m.months.filter((e) => {
    const ordered = sel.orderedIn;
    if (ordered && e.month >= month(ordered.from) && e.month <= month(ordered.to)) return true;
    const d = sel.deliveredIn;
    if (d && e.deliveredMin != null && e.deliveredMin <= d.to && e.deliveredMax! >= d.from) return true;
    const p = sel.promisedIn;
    if (p && e.promisedMin! <= p.to && e.promisedMax! >= p.from) return true;
    const open = sel.openAt;
    if (open && e.month <= month(open) && (e.open! > 0 || (e.deliveredMax != null && e.deliveredMax > open)))
      return true;
    return false;
  });
}

export interface ScannedChunk<C> {
  /** The bucket's month: the period's first day's, the order date's or the snapshot date's. */
  month: string;
  chunk: C;
}

/** The decoded chunks of the picked months, in month order. */
export async function* scanChunks<K extends ActualsKind>(
  teamId: string,
  kind: K,
  pick: (m: Manifest) => MonthEntry[],
  manifest?: Manifest,
): AsyncGenerator<ScannedChunk<ChunkOf[K]>> {
  const codec = codecOf(kind);
  const m = manifest ?? (await currentManifest(teamId, kind));
  const months = pick(m);
  const monthOf = new Map(months.flatMap((e) => e.chunks.map((c) => [c.id, e.month])));
  for await (const doc of readChunks(months.flatMap((e) => e.chunks)))
    yield { month: monthOf.get(doc._id)!, chunk: codec.decode(doc.cols, doc.n) };
}

const ATTEMPTS = 5;

/** Runs a read, again from the start when an import replaced chunks under it. */
export async function consistently<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (!(err instanceof ActualsMoved) || attempt >= ATTEMPTS) throw err;
    }
  }
}

/** The index of `family` in a chunk's dictionary: -1 when absent, -2 when no family is asked for. */
export function familyIndex(families: readonly string[], family: string | undefined): number {
  if (family === undefined) return -2;
  let lo = 0;
  let hi = families.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = families[mid]!;
    if (f === family) return mid;
    if (f < family) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
