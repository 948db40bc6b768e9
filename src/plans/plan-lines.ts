/** A stored plan's columns as plain lines. */
import type { PlanColumns } from "./plan-summary.ts";

export interface PlanLine {
  family: string;
  period: string;
  quantity: number;
  revenue?: number;
  capacity?: number | null;
}

/** The plan as plain lines (90,000 small objects for the largest plans: fine for reports, not for hot paths). */
export function planLines(plan: PlanColumns): PlanLine[] {
  const out: PlanLine[] = new Array(plan.rows);
  for (let i = 0; i < plan.rows; i++) {
    const line: PlanLine = {
      family: plan.families[plan.familyIndex[i]!]!,
      period: plan.periods[plan.periodIndex[i]!]!,
      quantity: plan.quantity[i]!,
    };
    if (plan.revenue) line.revenue = plan.revenue[i]!;
    if (plan.capacity) line.capacity = Number.isNaN(plan.capacity[i]!) ? null : plan.capacity[i]!;
    out[i] = line;
  }
  return out;
}
