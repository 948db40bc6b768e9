/**
 * The closed months of the grid from the actuals store: per family and month, demand (the forecast of
 * record and the actual, demand.csv), supply (planned, actual and capacity, production.csv) and the
 * month-end position — on hand (the latest snapshot dated on or before the month's last day) for
 * families made to stock, open-order backlog (orders placed by then and not delivered by then) for
 * families made to order. A period row counts in the month of its first day, as the KPIs count it.
 */
import {
  demandByFamilyMonth,
  latestOnHandByFamily,
  orderRows,
  productionByFamilyMonth,
} from "../store/actuals/index.ts";
import { monthWindow } from "../time/period.ts";
import type { ClosedActuals } from "./grid-types.ts";

export interface ClosedInput {
  closed: ClosedActuals;
  /** The position at the end of the last closed month; null when there is no figure. */
  opening: number | null;
}

function emptyClosed(n: number): ClosedActuals {
  const none = () => new Array<number | null>(n).fill(null);
  return {
    demandPlan: none(),
    demandActual: none(),
    supplyPlan: none(),
    supplyActual: none(),
    capacity: none(),
    position: none(),
  };
}

/** Open-order backlog per family at the end of `date`. */
async function backlogAt(teamId: string, date: string, families: Set<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (families.size === 0) return out;
  for (const o of await orderRows(teamId, { openAt: date })) {
    if (families.has(o.family)) out.set(o.family, (out.get(o.family) ?? 0) + o.quantity);
  }
  return out;
}

/**
 * The closed-month actuals of `families` (`makeToOrder`: those projected as backlog) over `months`
 * (oldest first). Families without any figure get empty (null) months.
 */
export async function closedActuals(
  teamId: string,
  families: readonly string[],
  makeToOrder: ReadonlySet<string>,
  months: readonly string[],
): Promise<Map<string, ClosedInput>> {
  const n = months.length;
  const out = new Map<string, ClosedInput>(
    families.map((f) => [f, { closed: emptyClosed(n), opening: null }]),
  );
  if (n === 0) return out;
  const window = { from: monthWindow(months[0]!).from, to: monthWindow(months[n - 1]!).to };
  const index = new Map(months.map((m, i) => [m, i]));
  const at = (family: string, month: string) => {
    const i = index.get(month);
    const e = out.get(family);
    return i === undefined || !e ? null : { c: e.closed, i };
  };
  const add = (arr: (number | null)[], i: number, v: number) => {
    arr[i] = (arr[i] ?? 0) + v;
  };
  const [demand, production] = await Promise.all([
    demandByFamilyMonth(teamId, window),
    productionByFamilyMonth(teamId, window),
  ]);
  for (const d of demand) {
    const x = at(d.family, d.month);
    if (!x) continue;
    add(x.c.demandPlan, x.i, d.forecastQty);
    add(x.c.demandActual, x.i, d.actualQty);
  }
  for (const p of production) {
    const x = at(p.family, p.month);
    if (!x) continue;
    add(x.c.supplyPlan, x.i, p.plannedQty);
    add(x.c.supplyActual, x.i, p.actualQty);
    add(x.c.capacity, x.i, p.capacityQty);
  }
  const toOrder = new Set(families.filter((f) => makeToOrder.has(f)));
  for (const [i, month] of months.entries()) {
    const end = monthWindow(month).to;
    const [onHand, backlog] = await Promise.all([
      latestOnHandByFamily(teamId, end),
      backlogAt(teamId, end, toOrder),
    ]);
    for (const s of onHand) {
      const e = out.get(s.family);
      if (e && !toOrder.has(s.family)) e.closed.position[i] = s.onHandQty;
    }
    for (const f of toOrder) out.get(f)!.closed.position[i] = backlog.get(f) ?? 0;
  }
  for (const e of out.values()) e.opening = e.closed.position[n - 1] ?? null;
  return out;
}
