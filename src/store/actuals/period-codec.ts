/**
 * Demand and production in buckets: a bucket is the month of the period's first day (the 1st, or the
 * ISO week's Monday — 2026-W01 starts on 2025-12-29 and lives in December 2025), rows sorted by family
 * then period. Columns: family and period (dictionary indexes; a chunk's periods are the few labels
 * starting in its month, kept as written) and the quantities.
 */
import type { Binary } from "mongodb";
import { byText, type Chunk, type Columns, decodeFamilies, encodeFamilies, type KindCodec } from "./codec.ts";
import { decodeNumbers, decodeStrings, encodeNumbers, encodeStrings } from "./column-codec.ts";
import { dayText, fastDay } from "./days.ts";
import { DictionaryBuilder } from "./dictionary.ts";
import type { DemandRow, ProductionRow } from "./rows.ts";

export interface PeriodChunk<F extends string> extends Chunk {
  /** Period labels (`YYYY-MM`, `YYYY-Www`) and, for each, its first day's day number. */
  periods: string[];
  periodStart: Int32Array;
  /** Index into `periods`, per row. */
  period: Int32Array;
  values: Record<F, Float64Array>;
}

export type DemandChunk = PeriodChunk<"forecastQty" | "actualQty">;
export type ProductionChunk = PeriodChunk<"plannedQty" | "actualQty" | "capacityQty">;

type PeriodRow = { period: string; start: string; family: string };

/**
 * `getters`: one reader per quantity field (a property read of its own, so each stays monomorphic; a
 * shared `row[field]` is a keyed lookup on every row).
 */
function periodCodec<Row extends PeriodRow, F extends keyof Row & string>(
  kind: "demand" | "production",
  getters: Record<F, (row: Row) => number>,
): KindCodec<Row, PeriodChunk<F>> {
  const fields = Object.keys(getters) as F[];
  const read = fields.map((f) => getters[f]);
  return {
    kind,
    monthOf: (r) => r.start.slice(0, 7),
    monthDate: (r) => r.start,
    key: (r) => `${r.family}\u0000${r.period}`,
    compare: (a, b) => byText(a.family, b.family) || byText(a.period, b.period),
    compareTo: (r, c, i) =>
      byText(r.family, c.families[c.family[i]!]!) || byText(r.period, c.periods[c.period[i]!]!),
    sameAs: (r, c, i) => {
      for (let k = 0; k < fields.length; k++) if (read[k]!(r) !== c.values[fields[k]!][i]) return false;
      return true;
    },
    keyAt: (c, i) => `${c.families[c.family[i]!]!}\u0000${c.periods[c.period[i]!]!}`,
    keyDecidesMonth: true,
    extraBytes: () => 0,
    toChunk(rows) {
      // One pass over the rows fills every column.
      const n = rows.length;
      const families = new DictionaryBuilder();
      const periods = new DictionaryBuilder();
      const family = new Int32Array(n);
      const period = new Int32Array(n);
      const starts: string[] = [];
      const columns = fields.map(() => new Float64Array(n));
      for (let i = 0; i < n; i++) {
        const r = rows[i]!;
        family[i] = families.id(r.family);
        const p = periods.id(r.period);
        if (p === starts.length) starts.push(r.start);
        period[i] = p;
        for (let k = 0; k < columns.length; k++) columns[k]![i] = read[k]!(r);
      }
      const byFirstSeen = Int32Array.from(starts, (s) => fastDay(s));
      const firstSeen = [...periods.firstSeen];
      const sortedPeriods = periods.finish(period);
      const periodStart = Int32Array.from(sortedPeriods, (p) => byFirstSeen[firstSeen.indexOf(p)]!);
      const values = {} as Record<F, Float64Array>;
      fields.forEach((f, k) => {
        values[f] = columns[k]!;
      });
      return {
        n,
        families: families.finish(family),
        family,
        periods: sortedPeriods,
        periodStart,
        period,
        values,
      };
    },
    rowOf(c, i) {
      const p = c.period[i]!;
      const row = {
        period: c.periods[p],
        start: dayText(c.periodStart[p]!),
        family: c.families[c.family[i]!]!,
      };
      for (const f of fields) (row as Record<string, unknown>)[f] = c.values[f][i];
      return row as unknown as Row;
    },
    dayOf: (c, i) => c.periodStart[c.period[i]!]!,
    encode(c) {
      const cols: Columns = {
        ...encodeFamilies(c),
        periods: encodeStrings(c.periods),
        periodStarts: encodeNumbers(c.periodStart, c.periods.length),
        period: encodeNumbers(c.period, c.n),
      };
      for (const f of fields) cols[f] = encodeNumbers(c.values[f], c.n);
      return cols;
    },
    decode(cols, n) {
      const periods = decodeStrings(cols.periods!);
      const values = {} as Record<F, Float64Array>;
      for (const f of fields) values[f] = decodeNumbers(cols[f] as Binary, new Float64Array(n));
      return {
        ...decodeFamilies(cols, n),
        periods,
        periodStart: decodeNumbers(cols.periodStarts!, new Int32Array(periods.length)),
        period: decodeNumbers(cols.period!, new Int32Array(n)),
        values,
      };
    },
    facts: (rows) => ({ rows: rows.length }),
  };
}

export const demandCodec = periodCodec<DemandRow, "forecastQty" | "actualQty">("demand", {
  forecastQty: (r) => r.forecastQty,
  actualQty: (r) => r.actualQty,
});

export const productionCodec = periodCodec<ProductionRow, "plannedQty" | "actualQty" | "capacityQty">(
  "production",
  { plannedQty: (r) => r.plannedQty, actualQty: (r) => r.actualQty, capacityQty: (r) => r.capacityQty },
);
