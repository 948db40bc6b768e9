/** The `sop` command line: the same engine as the Slack app, for automated feeds and operators. */
import { loadEnvFile } from "../runtime.ts";
import { configImportCommand } from "./commands/config-import.ts";
import { forecastCommand } from "./commands/forecast.ts";
import { forecastFileCommand } from "./commands/forecast-file.ts";
import { gapsCommand } from "./commands/gaps.ts";
import { importCommand } from "./commands/import.ts";
import { kpiCommand } from "./commands/kpi.ts";
import { kpiSnapshotCommand } from "./commands/kpi-snapshot.ts";
import { planSubmitCommand } from "./commands/plan-submit.ts";
import { statusCommand } from "./commands/status.ts";
import { type CliCommand, type CommandIo, UsageError } from "./io.ts";

/** One entry per command; a command's words are matched longest first ("kpi snapshot" before "kpi"). */
const COMMANDS: { words: string[]; usage: string; run: CliCommand }[] = [
  {
    words: ["plan", "submit"],
    usage: "plan submit PERIOD PHASE FILE --team T --user U [--comment TEXT]",
    run: planSubmitCommand,
  },
  { words: ["status"], usage: "status [PERIOD] --team T", run: statusCommand },
  { words: ["config", "import"], usage: "config import FILE.json", run: configImportCommand },
  { words: ["import"], usage: "import orders|demand|production|inventory FILE --team T", run: importCommand },
  { words: ["kpi"], usage: "kpi --team T --from DATE --to DATE [--family F] [--json]", run: kpiCommand },
  { words: ["kpi", "snapshot"], usage: "kpi snapshot --team T [--week YYYY-Www]", run: kpiSnapshotCommand },
  {
    words: ["forecast-file"],
    usage: "forecast-file IN.csv --season M [--horizon H]",
    run: forecastFileCommand,
  },
  {
    words: ["forecast"],
    usage: "forecast --team T --period PERIOD [--user U]",
    run: (a, io) => forecastCommand(a, io),
  },
  {
    words: ["gaps"],
    usage: "gaps --team T --period PERIOD [--format json|table|csv] [--top N]",
    run: gapsCommand,
  },
];

export function usage(): string {
  const lines = COMMANDS.map((c) => `  sop ${c.usage}`).join("\n");
  return `S&OP bot command line\n\nusage:\n${lines}\n  sop --help\n\nThe database is MONGODB_URI when set, else a local server (see README).\n`;
}

export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  loadEnvFile();
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
    io.stdout.write(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const match = [...COMMANDS]
    .sort((a, b) => b.words.length - a.words.length)
    .find((c) => c.words.every((w, i) => argv[i] === w));
  if (!match) {
    io.stderr.write(`unknown command: sop ${argv.join(" ")}\n\n${usage()}`);
    return 2;
  }
  try {
    return await match.run(argv.slice(match.words.length), io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${err.message}\nusage: sop ${match.usage}\n`);
      return 2;
    }
    io.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}
