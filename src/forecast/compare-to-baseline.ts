/**
 * The demand owner's consensus plan compared with the statistical baseline, for
 * the demand phase's sign-off summary: "vs statistical baseline: +4.2 % total, largest overrides:
 * …". Pure computation.
 *
 * Compared over the family-months of either plan; a family-month missing from one plan counts as 0
 * there. An override is a family's consensus total − baseline total over the horizon; the largest
 * are the biggest in absolute quantity. Quantities are compared in the plans' own precision (the
 * most decimals either carries): a difference that rounds away there is not a change.
 */
import { precisionOf } from "../format/numbers.ts";

export interface ComparablePlanLine {
  family: string;
  period: string;
  quantity: number;
}

export interface FamilyOverride {
  family: string;
  baseline: number;
  consensus: number;
  /** consensus − baseline. */
  delta: number;
  /** delta ÷ baseline; null when the baseline is 0 (a family only the planners forecast). */
  relative: number | null;
}

export interface BaselineComparison {
  baselineTotal: number;
  consensusTotal: number;
  /** consensusTotal − baselineTotal. */
  delta: number;
  /** delta ÷ baselineTotal; null when the baseline total is 0. */
  relative: number | null;
  /** Families whose totals differ, the largest |delta| first. */
  overrides: FamilyOverride[];
  /** Family-months where the two plans differ. */
  changedLines: number;
  /** Family-months compared. */
  lines: number;
  /** Decimals the plans' quantities carry (0: whole units). */
  precision: number;
}

const key = (family: string, period: string) => `${family}\u0000${period}`;

export function compareToBaseline(
  baseline: readonly ComparablePlanLine[],
  consensus: readonly ComparablePlanLine[],
): BaselineComparison {
  const cells = new Map<string, { family: string; b: number; c: number }>();
  const cell = (l: ComparablePlanLine) => {
    const k = key(l.family, l.period);
    let v = cells.get(k);
    if (!v) {
      v = { family: l.family, b: 0, c: 0 };
      cells.set(k, v);
    }
    return v;
  };
  for (const l of baseline) cell(l).b += l.quantity;
  for (const l of consensus) cell(l).c += l.quantity;
  const precision = precisionOf([...baseline, ...consensus].map((l) => l.quantity));
  // Half a unit of the last decimal: below that the two plans write the same number.
  const tolerance = 0.5 * 10 ** -precision;

  const families = new Map<string, { b: number; c: number }>();
  let baselineTotal = 0;
  let consensusTotal = 0;
  let changedLines = 0;
  for (const v of cells.values()) {
    baselineTotal += v.b;
    consensusTotal += v.c;
    if (Math.abs(v.c - v.b) >= tolerance) changedLines++;
    const f = families.get(v.family) ?? { b: 0, c: 0 };
    f.b += v.b;
    f.c += v.c;
    families.set(v.family, f);
  }

  const overrides: FamilyOverride[] = [...families]
    .map(([family, f]) => ({
      family,
      baseline: f.b,
      consensus: f.c,
      delta: f.c - f.b,
      relative: f.b !== 0 ? (f.c - f.b) / f.b : null,
    }))
    .filter((o) => Math.abs(o.delta) >= tolerance)
    .sort(
      (a, b) =>
        Math.abs(b.delta) - Math.abs(a.delta) || (a.family < b.family ? -1 : a.family > b.family ? 1 : 0),
    );

  const delta = consensusTotal - baselineTotal;
  return {
    baselineTotal,
    consensusTotal,
    delta,
    relative: baselineTotal !== 0 ? delta / baselineTotal : null,
    overrides,
    changedLines,
    lines: cells.size,
    precision,
  };
}
