/**
 * The KPI/import benchmark's data set, deterministic (seeded): demand and production for every family
 * and ISO week, inventory snapshots every few weeks (on the week's Sunday), and orders spread over the
 * weeks with promised dates 3–10 days after ordering and deliveries around them (open when due after the
 * last week). Written as the four CSV files an import reads.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ActualsKind } from "../src/actuals/kinds.ts";
import { addDays, laterOf } from "../src/time/dates.ts";
import { addWeeks, isoWeekMonday } from "../src/time/iso-week.ts";

export interface DataSize {
  families: number;
  weeks: number;
  orders: number;
  inventoryEvery: number;
}

export const FIRST_WEEK = "2025-W01";

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The whole data set's window: the first week's Monday to the last week's Sunday. */
export function fullWindow(size: DataSize): { from: string; to: string } {
  return {
    from: isoWeekMonday(FIRST_WEEK),
    to: addDays(isoWeekMonday(addWeeks(FIRST_WEEK, size.weeks - 1)), 6),
  };
}

/** Writes orders.csv, demand.csv, production.csv and inventory.csv into `dir`; returns their paths. */
export function writeDataSet(dir: string, size: DataSize): Record<ActualsKind, string> {
  const rnd = prng(42);
  const fam = (i: number) => `Family ${String(i).padStart(5, "0")}`;
  const weeks = Array.from({ length: size.weeks }, (_, w) => addWeeks(FIRST_WEEK, w));
  const demand: string[] = ["period,family,forecast_qty,actual_qty"];
  const production: string[] = ["period,family,planned_qty,actual_qty,capacity_qty"];
  const inventory: string[] = ["date,family,on_hand_qty"];
  for (let f = 0; f < size.families; f++) {
    const base = 20 + Math.floor(rnd() * 400);
    weeks.forEach((week, w) => {
      const actual = Math.max(0, Math.round(base * (0.7 + 0.6 * rnd())));
      const forecast = Math.max(0, Math.round(base * (0.75 + 0.5 * rnd())));
      demand.push(`${week},${fam(f)},${forecast},${actual}`);
      const planned = Math.round(base * (0.8 + 0.4 * rnd()));
      production.push(
        `${week},${fam(f)},${planned},${Math.round(planned * (0.85 + 0.2 * rnd()))},${Math.round(base * 1.3)}`,
      );
      if (w % size.inventoryEvery === size.inventoryEvery - 1)
        inventory.push(
          `${addDays(isoWeekMonday(week), 6)},${fam(f)},${Math.round(base * 4 * (0.6 + 0.8 * rnd()))}`,
        );
    });
  }
  const orders: string[] = ["order_id,family,order_date,promised_date,delivered_date,quantity"];
  const { from: first, to: last } = fullWindow(size);
  const days = size.weeks * 7;
  for (let i = 0; i < size.orders; i++) {
    const ordered = addDays(first, Math.floor(rnd() * days));
    const promised = addDays(ordered, 3 + Math.floor(rnd() * 8));
    const delivered = addDays(promised, Math.floor(rnd() * 7) - 4);
    const d = delivered > last ? "" : laterOf(delivered, ordered);
    orders.push(
      `SO-${i},${fam(Math.floor(rnd() * size.families))},${ordered},${promised},${d},${1 + Math.floor(rnd() * 50)}`,
    );
  }
  const files = {} as Record<ActualsKind, string>;
  for (const [kind, lines] of Object.entries({ orders, demand, production, inventory })) {
    const file = join(dir, `${kind}.csv`);
    writeFileSync(file, `${lines.join("\n")}\n`);
    files[kind as ActualsKind] = file;
  }
  return files;
}
