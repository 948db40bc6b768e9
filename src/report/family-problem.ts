/** What is wrong with a family over the horizon, in one line of plain words (Slack, CLI, files). */
import { plural } from "../format/numbers.ts";
import { money, pct, qty } from "./format.ts";
import type { FamilyGrid, FlagKind } from "./grid-types.ts";

/** "stock-out from 2027-01 (62 short) · 100 % of capacity · revenue gap +600" */
export function familyProblem(g: FamilyGrid, currency: string | null): string {
  const s = g.summary;
  const parts: string[] = [];
  const has = (f: FlagKind) => s.flags.includes(f);
  if (has("stockOut")) parts.push(`stock-out from ${s.firstStockOut} (${qty(s.unitsShort)} short)`);
  if (has("capacity"))
    parts.push(`${pct(s.maxUtilization)} of capacity (${plural(s.flagMonths.capacity, "month")})`);
  if (has("aboveMax")) parts.push(`above max days of supply (${plural(s.flagMonths.aboveMax, "month")})`);
  if (has("backlog"))
    parts.push(`backlog above ${g.targets.maxDays} days (${plural(s.flagMonths.backlog, "month")})`);
  if (has("revenueGap")) parts.push(`revenue gap ${money(s.revenueGapTotal, currency)}`);
  return parts.join(" · ");
}
