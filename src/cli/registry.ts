/**
 * Every `sop` command in one list: its words, a one-line description, its usage, options and
 * examples. `sop help`, `sop help COMMAND`, `sop COMMAND --help` and the usage line under an error
 * are all built from it, so adding a command is one entry here.
 */
import { configImportCommand } from "./commands/config-import.ts";
import { forecastCommand } from "./commands/forecast.ts";
import { forecastFileCommand } from "./commands/forecast-file.ts";
import { gapsCommand } from "./commands/gaps.ts";
import { importCommand } from "./commands/import.ts";
import { kpiCommand } from "./commands/kpi.ts";
import { kpiSnapshotCommand } from "./commands/kpi-snapshot.ts";
import { migrateCommand } from "./commands/migrate.ts";
import { planSubmitCommand } from "./commands/plan-submit.ts";
import { reportCommand } from "./commands/report.ts";
import { statusCommand } from "./commands/status.ts";
import type { CliCommand } from "./io.ts";

export interface CommandSpec {
  /** The words that name it: ["kpi", "snapshot"]. */
  words: string[];
  /** What it does, in one line. */
  summary: string;
  /** Arguments after the words: "--team T --from DATE --to DATE [--json]". */
  usage: string;
  /** Flag or argument → what it means. */
  options?: [string, string][];
  /** Whole command lines that work on the demo's data. */
  examples: string[];
  run: CliCommand;
}

const TEAM: [string, string] = ["--team T", "the Slack workspace (team) id, e.g. T0SIM"];

export const COMMANDS: CommandSpec[] = [
  {
    words: ["config", "import"],
    summary: "validate a team configuration (JSON) and store it",
    usage: "FILE.json",
    examples: ["sop config import examples/team.json"],
    run: configImportCommand,
  },
  {
    words: ["import"],
    summary: "load actuals from a CSV file; re-importing the same rows never counts them twice",
    usage: "orders|demand|production|inventory FILE --team T",
    options: [TEAM],
    examples: [
      "sop import orders examples/orders.csv --team T0SIM",
      "sop import demand examples/demand.csv --team T0SIM",
    ],
    run: importCommand,
  },
  {
    words: ["kpi"],
    summary: "every KPI over a date window, against the team's targets (green / amber / red)",
    usage: "--team T --from DATE --to DATE [--family F] [--json]",
    options: [
      TEAM,
      ["--from DATE, --to DATE", "the window, inclusive (YYYY-MM-DD)"],
      ["--family F", "only this product family"],
      ["--json", "plain fractions and days, null for no data (for scripts)"],
    ],
    examples: [
      "sop kpi --team T0SIM --from 2026-12-01 --to 2026-12-31",
      "sop kpi --team T0SIM --from 2026-12-01 --to 2026-12-31 --family Blenders --json",
    ],
    run: kpiCommand,
  },
  {
    words: ["kpi", "snapshot"],
    summary: "compute and store one week's KPI snapshot (what the digest's trends read)",
    usage: "--team T [--week YYYY-Www]",
    options: [TEAM, ["--week YYYY-Www", "the ISO week; default: the team's current week"]],
    examples: ["sop kpi snapshot --team T0SIM --week 2026-W50"],
    run: kpiSnapshotCommand,
  },
  {
    words: ["migrate"],
    summary: "move actuals stored one row per document into buckets (the app does it at start)",
    usage: "",
    examples: ["sop migrate"],
    run: migrateCommand,
  },
  {
    words: ["status"],
    summary: "where a month's cycle is: each phase, who owes what, what is overdue (JSON)",
    usage: "[PERIOD] --team T",
    options: [["PERIOD", "the cycle month, YYYY-MM; default: the current month"], TEAM],
    examples: ["sop status 2026-12 --team T0SIM"],
    run: statusCommand,
  },
  {
    words: ["plan", "submit"],
    summary: "submit a plan CSV for a phase, with the same checks as the Slack form",
    usage: "PERIOD PHASE FILE --team T --user U [--comment TEXT] [--scenario NAME]",
    options: [
      ["PERIOD PHASE FILE", "the cycle month, the phase id (e.g. demand) and the plan CSV"],
      TEAM,
      ["--user U", "the Slack user id submitting; must own the phase"],
      ["--comment TEXT", "a note for the approvers"],
      [
        "--scenario NAME",
        "supply and finance plans: the named alternative (default base; up to 3 per cycle, e.g. overtime)",
      ],
    ],
    examples: [
      "sop plan submit 2027-01 demand plan.csv --team T0SIM --user U0DP --comment 'Consensus'",
      "sop plan submit 2027-01 supply overtime.csv --team T0SIM --user U0SP --scenario overtime",
    ],
    run: planSubmitCommand,
  },
  {
    words: ["forecast"],
    summary: "forecast every family from its demand history and submit it as the data phase's plan",
    usage: "--team T --period PERIOD [--user U]",
    options: [
      TEAM,
      ["--period PERIOD", "the cycle month, YYYY-MM"],
      ["--user U", "who submits; default: the data phase's first owner"],
    ],
    examples: ["sop forecast --team T0SIM --period 2027-01"],
    run: (argv, io) => forecastCommand(argv, io),
  },
  {
    words: ["forecast-file"],
    summary: "baseline forecasts for every series of an M3-layout CSV file (no database)",
    usage: "IN.csv --season M [--horizon H]",
    options: [
      ["--season M", "the season length (12 for monthly data)"],
      ["--horizon H", "steps to forecast; default: each row's NF"],
    ],
    examples: ["sop forecast-file test/fixtures/m3/M3C_Monthly-subset.csv --season 12 > forecasts.csv"],
    run: forecastFileCommand,
  },
  {
    words: ["gaps"],
    summary: "the pre-S&OP gap report: supply vs demand, capacity and revenue per family and month",
    usage: "--team T --period PERIOD [--format json|table|csv] [--top N]",
    options: [
      TEAM,
      ["--period PERIOD", "the cycle month, YYYY-MM"],
      ["--format F", "json (default, every row), table (flagged rows) or csv (the full report)"],
      ["--top N", "rows in the table (default 20)"],
    ],
    examples: ["sop gaps --team T0SIM --period 2026-12 --format table"],
    run: gapsCommand,
  },
  {
    words: ["report"],
    summary: "the S&OP report: family grids with projected inventory, scenarios, decisions (PDF, XLSX)",
    usage: "--team T --period PERIOD [--pdf FILE] [--xlsx FILE] [--json]",
    options: [
      TEAM,
      ["--period PERIOD", "the cycle month, YYYY-MM"],
      ["--pdf FILE", "write the PDF (cover, roll-ups, a page per family, KPIs, decision log)"],
      ["--xlsx FILE", "write the Excel workbook (a sheet per family grid, the roll-up, all families)"],
      ["--json", "print the whole report model as JSON instead of the text summary"],
    ],
    examples: [
      "sop report --team T0SIM --period 2026-12",
      "sop report --team T0SIM --period 2026-12 --pdf report.pdf --xlsx report.xlsx",
    ],
    run: reportCommand,
  },
];

export const commandName = (c: CommandSpec) => `sop ${c.words.join(" ")}`;

/** The command `argv` names, longest match first ("kpi snapshot" before "kpi"), and its arguments. */
export function findCommand(argv: readonly string[]): { spec: CommandSpec; args: string[] } | null {
  const spec = [...COMMANDS]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => argv[i] === w));
  return spec ? { spec, args: argv.slice(spec.words.length) } : null;
}

/** Commands whose first word is close to what was typed, for "did you mean". */
export function similarCommands(word: string): CommandSpec[] {
  const w = word.toLowerCase();
  return COMMANDS.filter((c) => {
    const first = c.words[0]!;
    return first.startsWith(w.slice(0, 3)) || editDistance(first, w) <= 2;
  });
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
