/**
 * The price demand is valued at, from the finance plan: a family-month's price is its finance revenue ÷
 * finance quantity; where finance plans no quantity for the month, the family's average price over the
 * whole finance plan; a family finance never priced has none. The gap report and the S&OP grid use the
 * same rule.
 */
export interface PricedLine {
  family: string;
  period: string;
  quantity: number;
  revenue?: number | null;
}

/** Average price per family over the whole finance plan (lines with quantity > 0 and a revenue). */
export function familyPrices(finance: readonly PricedLine[]): Map<string, number> {
  const sums = new Map<string, { qty: number; rev: number }>();
  for (const l of finance) {
    if (!(l.quantity > 0) || l.revenue == null) continue;
    const s = sums.get(l.family) ?? { qty: 0, rev: 0 };
    s.qty += l.quantity;
    s.rev += l.revenue;
    sums.set(l.family, s);
  }
  return new Map([...sums].map(([f, s]) => [f, s.rev / s.qty]));
}

/** The price of one family-month given its finance quantity and revenue (null/0 when finance has no line). */
export function monthPrice(
  family: string,
  quantity: number,
  revenue: number | null,
  averages: ReadonlyMap<string, number>,
): number | null {
  if (quantity > 0 && revenue !== null) return revenue / quantity;
  return averages.get(family) ?? null;
}
