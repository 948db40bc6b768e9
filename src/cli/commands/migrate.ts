/**
 * `sop migrate`: moves actuals stored one row per document into buckets (src/store/actuals/migrate.ts).
 * Idempotent and resumable; the app runs the same step at start. Prints one JSON line per team and kind
 * moved to stderr as it goes, then `{"migrated":[…]}` on stdout.
 */
import { migrateActuals } from "../../store/actuals/index.ts";
import { type CommandIo, parseFlags, UsageError } from "../io.ts";
import { withDatabase } from "../with-database.ts";

export async function migrateCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv);
  const extra = [...positionals, ...Object.keys(flags).map((f) => `--${f}`)];
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const migrated = await withDatabase(() =>
    migrateActuals({ log: (step) => io.stderr.write(`migrated ${JSON.stringify(step)}\n`) }),
  );
  io.stdout.write(`${JSON.stringify({ migrated })}\n`);
  return 0;
}
