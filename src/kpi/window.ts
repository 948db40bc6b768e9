/** Checks a KPI window given by a person (CLI flags, Slack text) and names what is wrong. */
import { UserError } from "../errors.ts";
import { isIsoDate } from "../time/dates.ts";
import type { KpiWindow } from "./kpi-values.ts";

export function parseKpiWindow(from: string, to: string, family?: string): KpiWindow {
  const problems: string[] = [];
  if (!isIsoDate(from)) problems.push(`--from ${JSON.stringify(from)} is not a date (YYYY-MM-DD)`);
  if (!isIsoDate(to)) problems.push(`--to ${JSON.stringify(to)} is not a date (YYYY-MM-DD)`);
  if (problems.length === 0 && from > to) problems.push(`--from ${from} is after --to ${to}`);
  if (family !== undefined && family.trim() === "") problems.push("--family is empty");
  if (problems.length > 0) throw new UserError("bad_input", "The KPI window is not valid.", problems);
  return family === undefined ? { from, to } : { from, to, family: family.trim() };
}
