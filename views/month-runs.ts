/** Months as compact runs: ["2027-02","2027-03","2027-04","2027-06"] → "2027-02 … 2027-04, 2027-06". */
import { addMonths } from "../src/cycle/period.ts";

export function monthRuns(months: readonly string[], maxRuns = 3): string {
  const sorted = [...new Set(months)].sort();
  const runs: [string, string][] = [];
  for (const m of sorted) {
    const last = runs.at(-1);
    if (last && addMonths(last[1], 1) === m) last[1] = m;
    else runs.push([m, m]);
  }
  const text = runs.slice(0, maxRuns).map(([a, b]) => (a === b ? a : `${a} … ${b}`));
  if (runs.length > maxRuns) text.push(`${runs.length - maxRuns} more`);
  return text.join(", ");
}
