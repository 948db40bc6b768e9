/**
 * Demand and production in buckets: a bucket is the month of the period's first day (the 1st, or the
 * ISO week's Monday — 2026-W01 starts on 2025-12-29 and lives in December 2025), rows sorted by family
 * then period. Columns: family and period (dictionary indexes; a chunk's periods are the few labels
 * starting in its month, kept as written) and the quantities.
 */
import type { Binary } from "mongodb";
import {
  byText,
  type Chunk,
  type Columns,
  countFamilies,
  decodeFamilies,
  dictionaryColumn,
  encodeFamilies,
  familyColumn,
  type KindCodec,
  numberColumn,
} from "./codec.ts";
import { decodeNumbers, decodeStrings, encodeNumbers, encodeStrings } from "./column-codec.ts";
import { dayText, fastDay } from "./days.ts";
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

function periodCodec<Row extends PeriodRow, F extends keyof Row & string>(
  kind: "demand" | "production",
  fields: readonly F[],
): KindCodec<Row, PeriodChunk<F>> {
  return {
    kind,
    monthOf: (r) => r.start.slice(0, 7),
    key: (r) => `${r.family}\u0000${r.period}`,
    compare: (a, b) => byText(a.family, b.family) || byText(a.period, b.period),
    compareTo: (r, c, i) =>
      byText(r.family, c.families[c.family[i]!]!) || byText(r.period, c.periods[c.period[i]!]!),
    sameAs: (r, c, i) => fields.every((f) => r[f] === c.values[f][i]),
    keyAt: (c, i) => `${c.families[c.family[i]!]!}\u0000${c.periods[c.period[i]!]!}`,
    keyDecidesMonth: true,
    extraBytes: () => 0,
    toChunk(rows) {
      const { values: periods, index: period } = dictionaryColumn(rows, (r) => r.period);
      const starts = new Map<string, string>();
      let last: string | undefined;
      for (const r of rows)
        if (r.period !== last) {
          last = r.period;
          starts.set(last, r.start);
        }
      const values = {} as Record<F, Float64Array>;
      for (const f of fields) values[f] = numberColumn(rows, (r) => r[f] as number);
      return {
        ...familyColumn(rows),
        n: rows.length,
        periods,
        periodStart: Int32Array.from(periods, (p) => fastDay(starts.get(p)!)),
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
    facts: (rows) => ({ rows: rows.length, families: countFamilies(rows) }),
  };
}

export const demandCodec = periodCodec<DemandRow, "forecastQty" | "actualQty">("demand", [
  "forecastQty",
  "actualQty",
]);

export const productionCodec = periodCodec<ProductionRow, "plannedQty" | "actualQty" | "capacityQty">(
  "production",
  ["plannedQty", "actualQty", "capacityQty"],
);
