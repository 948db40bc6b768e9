/**
 * `sop import orders|demand|production|inventory FILE --team T`: checks every row, then upserts on the
 * natural key; prints `{"kind","rows","inserted","updated"}`. Line-numbered problems go to stderr,
 * exit 1, and nothing is written.
 */
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { importActuals } from "../../actuals/import-actuals.ts";
import { ACTUALS_KINDS, isActualsKind } from "../../actuals/kinds.ts";
import { UserError } from "../../errors.ts";
import { loadTeamConfig } from "../../team/team-config-store.ts";
import { type CommandIo, parseFlags, requireFlag, UsageError } from "../io.ts";
import { userErrorText } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";

export const TEAM_ID = /^[TE][A-Z0-9]{2,}$/;

export function requireTeam(flags: Record<string, string | true>): string {
  const team = requireFlag(flags, "team");
  if (!TEAM_ID.test(team))
    throw new UsageError(`--team ${JSON.stringify(team)} is not a Slack team id such as T0SIM`);
  return team;
}

export async function importCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv);
  const [kind, file, ...extra] = positionals;
  if (!kind || !file) throw new UsageError("needs a kind and a file");
  if (!isActualsKind(kind))
    throw new UsageError(`unknown kind "${kind}" (one of ${ACTUALS_KINDS.join(", ")})`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const teamId = requireTeam(flags);
  try {
    await access(file);
  } catch (err) {
    io.stderr.write(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
    return 1;
  }
  try {
    const result = await withDatabase(async () => {
      const cfg = await loadTeamConfig(teamId);
      return importActuals(
        { teamId, kind, source: createReadStream(file), families: cfg?.families },
        {
          lease: {
            onWait: () =>
              io.stderr.write(
                `another import of ${kind} for ${teamId} is running; waiting for it to finish…\n`,
              ),
          },
        },
      );
    });
    io.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr.write(`${file}: ${userErrorText(err)}`);
      return 1;
    }
    throw err;
  }
}
