/**
 * Writes the sample actuals in examples/ (orders.csv, demand.csv, production.csv, inventory.csv): one
 * realistic year and a month for 20 small-appliance families, ISO weeks 2025-W49 … 2026-W53 (1 Dec
 * 2025 … 3 Jan 2027), orders placed up to 31 Dec 2026 (later deliveries are still open), the last
 * inventory count on 31 Dec 2026. The demo's month is December 2026: its actuals run to its last day,
 * so every digest of the month and the dashboard after it have real values. Deterministic: a seeded
 * PRNG, so running it again gives byte-identical files. `npm run examples [-- OUT_DIR]`.
 *
 * The story the data tells: demand peaks before Christmas (blenders and juicers in summer); forecasts
 * carry a per-family bias; production follows the forecast and an inventory target, within capacity
 * that drops in the Christmas weeks; about 90 % of orders arrive on time. "Spare parts" are bought in,
 * not produced (no production rows); "Coffee capsules" are counted in thousands (decimals).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { addDays } from "../src/time/dates.ts";
import { addWeeks, isoWeekMonday } from "../src/time/iso-week.ts";

export const FAMILIES = [
  "Espresso machines",
  "Coffee grinders",
  "Milk frothers",
  "Drip coffee makers",
  "Electric kettles",
  "Toasters",
  "Blenders",
  "Stand mixers",
  "Hand mixers",
  "Juicers",
  "Food processors",
  "Air fryers",
  "Rice cookers",
  "Slow cookers",
  "Waffle makers",
  "Sandwich makers",
  "Water filters",
  "Coffee capsules",
  "Descaling kits",
  "Spare parts",
] as const;

const FIRST_WEEK = "2025-W49";
/** 2025-W49 … 2026-W53: the last week holds 28–31 December. */
const WEEKS = 57;
/** The data is "as of" this date: nothing is ordered, delivered or counted after it. */
const AS_OF = "2026-12-31";
const SUMMER = new Set(["Blenders", "Juicers", "Water filters"]);
const BOUGHT_IN = new Set(["Spare parts"]);
const DECIMAL = new Set(["Coffee capsules"]);

/** mulberry32: small, fast, deterministic. */
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

export interface ExampleData {
  orders: string;
  demand: string;
  production: string;
  inventory: string;
}

export function generateExamples(seed = 20261130): ExampleData {
  const rnd = prng(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  const normal = () => {
    // Box–Muller, one value.
    const u = Math.max(rnd(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const demand = ["period,family,forecast_qty,actual_qty"];
  const production = ["period,family,planned_qty,actual_qty,capacity_qty"];
  const inventory = ["date,family,on_hand_qty"];
  const orderRows: { id: number; line: string; date: string }[] = [];
  let orderSeq = 0;

  for (const family of FAMILIES) {
    const decimal = DECIMAL.has(family);
    const round = (x: number) => (decimal ? Math.round(x * 10) / 10 : Math.round(x));
    const fmt = (x: number) => (decimal ? x.toFixed(1) : String(x));
    const base = decimal ? between(8, 20) : Math.exp(between(Math.log(40), Math.log(420)));
    const amplitude = between(0.08, 0.35);
    const peak = SUMMER.has(family) ? 26 : 50;
    const trend = between(-0.08, 0.18);
    const bias = between(-0.08, 0.12);
    const errorSd = between(0.08, 0.22);
    const lead = int(3, 9);
    const capacity = base * between(1.15, 1.45);
    const targetCover = between(3, 5); // weeks of demand
    let onHand = round(base * targetCover);

    for (let w = 0; w < WEEKS; w++) {
      const week = addWeeks(FIRST_WEEK, w);
      const monday = isoWeekMonday(week);
      const weekOfYear = Number(week.slice(6));
      const season = 1 + amplitude * Math.cos((2 * Math.PI * (weekOfYear - peak)) / 52);
      const level = base * season * (1 + (trend * w) / 52);
      const actual = Math.max(0, round(level * (1 + 0.12 * normal())));
      const forecast = Math.max(0, round(level * (1 + bias + errorSd * normal())));
      demand.push(`${week},${family},${fmt(forecast)},${fmt(actual)}`);

      // Orders: the week's actual demand split over a few orders on Monday … Saturday.
      const n = decimal ? int(2, 4) : Math.max(1, Math.min(8, Math.round(actual / 60) + int(1, 3)));
      const weights = Array.from({ length: n }, () => between(0.5, 1.5));
      const total = weights.reduce((a, b) => a + b, 0);
      let left = actual;
      weights.forEach((wt, i) => {
        const qty = i === n - 1 ? round(left) : Math.min(round(left), round((actual * wt) / total));
        left = round(left - qty);
        if (qty <= 0) return;
        const ordered = addDays(monday, int(0, 5));
        if (ordered > AS_OF) return;
        const promised = addDays(ordered, lead + int(0, 3));
        const r = rnd();
        const delay = r < 0.9 ? -int(0, 2) : r < 0.98 ? int(1, 4) : int(5, 12);
        let delivered = addDays(promised, delay);
        if (delivered < ordered) delivered = ordered;
        const open = delivered > AS_OF;
        orderSeq++;
        const id = `SO-${String(260000 + orderSeq)}`;
        orderRows.push({
          id: orderSeq,
          date: ordered,
          line: `${id},${family},${ordered},${promised},${open ? "" : delivered},${fmt(qty)}`,
        });
      });

      // Supply: produce (or buy) towards the inventory target, within capacity.
      const target = level * targetCover;
      const cap = round(capacity * (weekOfYear >= 52 || weekOfYear === 1 ? 0.6 : 1));
      const wanted = Math.max(0, round(forecast + 0.5 * (target - onHand)));
      if (BOUGHT_IN.has(family)) {
        onHand = Math.max(0, round(onHand + wanted - actual));
      } else {
        const planned = Math.min(wanted, cap);
        const made = Math.max(0, Math.min(cap, round(planned * between(0.86, 1.04))));
        production.push(`${week},${family},${fmt(planned)},${fmt(made)},${fmt(cap)}`);
        onHand = Math.max(0, round(onHand + made - actual));
      }
      const counted = addDays(monday, 6);
      inventory.push(`${counted < AS_OF ? counted : AS_OF},${family},${fmt(onHand)}`);
    }
  }
  // A few long-open back orders, as real order books have.
  for (const [family, ordered, qty] of [
    ["Stand mixers", "2026-09-14", "12"],
    ["Espresso machines", "2026-10-05", "6"],
    ["Spare parts", "2026-08-20", "40"],
  ] as const) {
    orderSeq++;
    orderRows.push({
      id: orderSeq,
      date: ordered,
      line: `SO-${260000 + orderSeq},${family},${ordered},${addDays(ordered, 7)},,${qty}`,
    });
  }
  orderRows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  const orders = [
    "order_id,family,order_date,promised_date,delivered_date,quantity",
    ...orderRows.map((o) => o.line),
  ];
  const text = (lines: string[]) => `${lines.join("\n")}\n`;
  return {
    orders: text(orders),
    demand: text(demand),
    production: text(production),
    inventory: text(inventory),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(process.argv[2] ?? join(import.meta.dirname, "../examples"));
  mkdirSync(out, { recursive: true });
  const data = generateExamples();
  for (const [kind, body] of Object.entries(data)) {
    writeFileSync(join(out, `${kind}.csv`), body);
    console.log(`${join(out, `${kind}.csv`)}: ${body.split("\n").length - 2} rows`);
  }
}
