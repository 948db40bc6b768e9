/**
 * `sop gaps --team T --period PERIOD [--format json|table|csv] [--top N]`: the pre-S&OP gap report
 * from the cycle's approved demand, supply and finance plans. JSON (default) lists every family-month,
 * flagged first; `table` shows the flagged rows (at most N, default 20) for a terminal; `csv` is the
 * full report as attached in Slack. Exits 1, naming what is missing, when the approved versions it
 * needs are not there.
 */
import { isPeriod } from "../../cycle/period.ts";
import { UserError } from "../../errors.ts";
import {
  formatMoney,
  formatPercent,
  formatQuantity,
  formatSignedQuantity,
  plural,
} from "../../format/numbers.ts";
import { gapReportCsv } from "../../gaps/gap-csv.ts";
import type { GapRow } from "../../gaps/gap-report.ts";
import { type CycleGapReport, loadGapReport } from "../../gaps/load-gap-report.ts";
import { requireTeamConfig } from "../../team/team-config-store.ts";
import { type CommandIo, parseFlags, requireFlag, UsageError } from "../io.ts";
import { writeUserError } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";

const FORMATS = ["json", "table", "csv"] as const;
type Format = (typeof FORMATS)[number];

/** A row for JSON: everything but the internal sort key (which may be Infinity). */
function jsonRow({ severity: _severity, ...row }: GapRow) {
  return row;
}

function num(v: number | null): string {
  return v === null ? "–" : formatQuantity(v);
}

function signedNum(v: number | null): string {
  return v === null ? "–" : formatSignedQuantity(v);
}

function pct(v: number | null): string {
  return v === null ? "–" : formatPercent(v);
}

function table(g: CycleGapReport, top: number): string {
  const r = g.report;
  const head = [
    "family",
    "period",
    "demand",
    "supply",
    "s−d",
    "s/d gap",
    "util",
    "rev gap",
    "rev/plan",
    "flags",
  ];
  const rows = r.rows
    .filter((x) => x.flags.length > 0)
    .slice(0, top)
    .map((x) => [
      x.family,
      x.period,
      num(x.demand),
      num(x.supply),
      signedNum(x.supplyMinusDemand),
      pct(x.supplyVsDemand),
      pct(x.utilization),
      signedNum(x.revenueGap),
      pct(x.revenueVsPlan),
      x.flags.join(" "),
    ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ");
  const t = r.thresholds;
  const lines = [
    `Gap report ${g.period} (team ${g.teamId}): ${r.flagged} of ${r.rows.length} family-months over threshold` +
      ` (supply vs demand ≥ ${pct(t.supplyVsDemand)}, utilisation ≥ ${pct(t.capacity)}, revenue vs plan ≥ ${pct(t.revenueVsPlan)})`,
    `shortfall: ${num(r.shortfall.units)} units below demand${r.shortfall.revenue === null ? "" : ` (≈ ${formatMoney(r.shortfall.revenue, r.currency)} revenue at plan prices)`} in ${plural(r.shortfall.familyMonths, "family-month")}; ${plural(r.shortfall.atCapacity.length, "family-month")} at or over capacity`,
    `approved versions: demand v${g.versions.demand ?? "–"}, supply v${g.versions.supply ?? "–"}, finance v${g.versions.finance ?? "–"}`,
  ];
  if (rows.length) lines.push("", fmt(head), ...rows.map(fmt));
  if (r.flagged > rows.length)
    lines.push(`… and ${r.flagged - rows.length} more flagged (--top N, or --format csv)`);
  return `${lines.map((l) => l.trimEnd()).join("\n")}\n`;
}

export async function gapsCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const team = requireFlag(flags, "team");
  const period = requireFlag(flags, "period");
  if (!isPeriod(period)) throw new UsageError(`--period must be a month such as 2027-01, got "${period}"`);
  const format = (flags.format ?? "json") as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const topRaw = flags.top ?? "20";
  if (typeof topRaw !== "string" || !/^\d+$/.test(topRaw) || Number(topRaw) < 1) {
    throw new UsageError("--top needs a positive whole number");
  }
  try {
    const g = await withDatabase(async () => loadGapReport(await requireTeamConfig(team), period));
    if (format === "csv") io.stdout.write(gapReportCsv(g.report));
    else if (format === "table") io.stdout.write(table(g, Number(topRaw)));
    else {
      const { rows, ...rest } = g.report;
      io.stdout.write(
        `${JSON.stringify({ team: g.teamId, period: g.period, versions: g.versions, ...rest, rows: rows.map(jsonRow) })}\n`,
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      writeUserError(io, err);
      return 1;
    }
    throw err;
  }
}
