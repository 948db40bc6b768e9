/**
 * Rows of one kind for a team over a date window, for modules that want plain rows (the digest's
 * facts, forecast value added, the baseline forecast): demand and production by the period's first
 * day, inventory by snapshot date, orders by order date — or, for orders, by any of their dates.
 */
import { codecOf } from "./codecs.ts";
import { NULL_DAY } from "./column-codec.ts";
import { fastDay } from "./days.ts";
import type { ActualsKind, ActualsRowOf, ActualsWindow, OrderRow } from "./rows.ts";
import {
  consistently,
  familyIndex,
  monthsOfOrders,
  monthsOfWindow,
  type OrderSelection,
  scanChunks,
} from "./scan.ts";

const inDays = (d: number, from: number, to: number) => d >= from && d <= to;

/** The team's rows of `kind` in the window, in month then key order. */
export function actualsRows<K extends ActualsKind>(
  teamId: string,
  kind: K,
  w: ActualsWindow,
): Promise<ActualsRowOf[K][]> {
  if (kind === "orders") return orderRows(teamId, { orderedIn: w }, w.family) as Promise<ActualsRowOf[K][]>;
  const codec = codecOf(kind);
  const from = fastDay(w.from);
  const to = fastDay(w.to);
  return consistently(async () => {
    const out: ActualsRowOf[K][] = [];
    for await (const { chunk } of scanChunks(teamId, kind, (m) => monthsOfWindow(m, w))) {
      const only = familyIndex(chunk.families, w.family);
      if (only === -1) continue;
      for (let i = 0; i < chunk.n; i++)
        if ((only < 0 || chunk.family[i] === only) && inDays(codec.dayOf(chunk, i), from, to))
          out.push(codec.rowOf(chunk, i));
    }
    return out;
  });
}

/** Orders matching any criterion of the selection (optionally one family), in month then id order. */
export function orderRows(teamId: string, sel: OrderSelection, family?: string): Promise<OrderRow[]> {
  const codec = codecOf("orders");
  const range = (w?: { from: string; to: string }) => (w ? [fastDay(w.from), fastDay(w.to)] : null);
  const ordered = range(sel.orderedIn);
  const delivered = range(sel.deliveredIn);
  const promised = range(sel.promisedIn);
  const openAt = sel.openAt === undefined ? null : fastDay(sel.openAt);
  return consistently(async () => {
    const out: OrderRow[] = [];
    for await (const { chunk: c } of scanChunks(teamId, "orders", (m) => monthsOfOrders(m, sel))) {
      const only = familyIndex(c.families, family);
      if (only === -1) continue;
      for (let i = 0; i < c.n; i++) {
        if (only >= 0 && c.family[i] !== only) continue;
        const d = c.deliveredDay[i]!;
        if (
          (ordered && inDays(c.orderDay[i]!, ordered[0]!, ordered[1]!)) ||
          (delivered && d !== NULL_DAY && inDays(d, delivered[0]!, delivered[1]!)) ||
          (promised && inDays(c.promisedDay[i]!, promised[0]!, promised[1]!)) ||
          (openAt !== null && c.orderDay[i]! <= openAt && (d === NULL_DAY || d > openAt))
        )
          out.push(codec.rowOf(c, i));
      }
    }
    return out;
  });
}
