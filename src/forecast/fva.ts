/**
 * Forecast value added: did the planners' consensus demand plan forecast the
 * actuals better than the statistical baseline it started from? Pure computation.
 *
 * accuracy = 1 − WMAPE, WMAPE = Σ|actual − forecast| ÷ Σ actual, floored at 0 (the forecast-accuracy
 * KPI's definition), computed per family and over all families (pooled sums, so large
 * families weigh more, as in the KPI). FVA = consensus accuracy − baseline accuracy: positive means
 * the overrides added value. Null ("no data") when there is no actual to compare with (Σ actual ≤ 0).
 *
 * Which rows are compared: family-months that have an actual and a line in at least one of the two
 * plans; a plan without a line for such a family-month forecast 0 for it (a plan that does not
 * mention a month plans nothing for it — e.g. a new family only the planners knew about).
 */

export interface FvaPlanLine {
  family: string;
  period: string;
  quantity: number;
}

export interface FvaActual {
  family: string;
  /** `YYYY-MM`. */
  period: string;
  actual: number;
}

/** One family-month compared: the actual and what each plan forecast for it. */
export interface FvaRow {
  family: string;
  period: string;
  actual: number;
  baseline: number;
  consensus: number;
}

export interface FvaFigures {
  /** 1 − WMAPE of the statistical baseline; null without actuals. */
  baselineAccuracy: number | null;
  /** 1 − WMAPE of the consensus demand plan; null without actuals. */
  consensusAccuracy: number | null;
  /** consensusAccuracy − baselineAccuracy; null without actuals. */
  fva: number | null;
  /** Family-months compared. */
  rows: number;
  /** Σ actual over them. */
  actual: number;
}

export interface FvaReport {
  overall: FvaFigures;
  /** One entry per family with compared rows, by family name. */
  families: (FvaFigures & { family: string })[];
}

const key = (family: string, period: string) => `${family}\u0000${period}`;

function quantities(lines: readonly FvaPlanLine[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of lines) {
    const k = key(l.family, l.period);
    out.set(k, (out.get(k) ?? 0) + l.quantity);
  }
  return out;
}

/** The rows one cycle's baseline and consensus plans are judged on (see the file comment). */
export function fvaRows(
  baseline: readonly FvaPlanLine[],
  consensus: readonly FvaPlanLine[],
  actuals: readonly FvaActual[],
): FvaRow[] {
  const b = quantities(baseline);
  const c = quantities(consensus);
  const rows: FvaRow[] = [];
  for (const a of actuals) {
    const k = key(a.family, a.period);
    if (!b.has(k) && !c.has(k)) continue;
    rows.push({
      family: a.family,
      period: a.period,
      actual: a.actual,
      baseline: b.get(k) ?? 0,
      consensus: c.get(k) ?? 0,
    });
  }
  return rows;
}

/** 1 − Σ|a − f| ÷ Σa floored at 0; null when Σa ≤ 0 (nothing to be accurate about). */
export function wmapeAccuracy(actuals: readonly number[], forecasts: readonly number[]): number | null {
  let sumActual = 0;
  let sumError = 0;
  for (let i = 0; i < actuals.length; i++) {
    sumActual += actuals[i]!;
    sumError += Math.abs(actuals[i]! - forecasts[i]!);
  }
  if (!(sumActual > 0)) return null;
  return Math.max(0, 1 - sumError / sumActual);
}

function figures(rows: readonly FvaRow[]): FvaFigures {
  const actual = rows.map((r) => r.actual);
  const baselineAccuracy = wmapeAccuracy(
    actual,
    rows.map((r) => r.baseline),
  );
  const consensusAccuracy = wmapeAccuracy(
    actual,
    rows.map((r) => r.consensus),
  );
  return {
    baselineAccuracy,
    consensusAccuracy,
    fva:
      baselineAccuracy === null || consensusAccuracy === null ? null : consensusAccuracy - baselineAccuracy,
    rows: rows.length,
    actual: actual.reduce((s, v) => s + v, 0),
  };
}

/** Per family and overall accuracy of both plans and the value the consensus added. */
export function forecastValueAdded(rows: readonly FvaRow[]): FvaReport {
  const byFamily = new Map<string, FvaRow[]>();
  for (const r of rows) {
    const list = byFamily.get(r.family) ?? [];
    list.push(r);
    byFamily.set(r.family, list);
  }
  const families = [...byFamily.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((family) => ({ family, ...figures(byFamily.get(family)!) }));
  return { overall: figures(rows), families };
}
