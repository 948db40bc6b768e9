/** `sop config import team.json`: validate and store a team configuration; field-named errors, nothing stored. */
import { readFile } from "node:fs/promises";
import { UserError } from "../../errors.ts";
import { saveTeamConfig } from "../../team/team-config-store.ts";
import { type CommandIo, UsageError } from "../io.ts";
import { userErrorText } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";

export async function configImportCommand(argv: string[], io: CommandIo): Promise<number> {
  const file = argv[0];
  if (!file) throw new UsageError("needs the configuration file, e.g. examples/team.json");
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (err) {
    io.stderr.write(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
    return 1;
  }
  let data: unknown;
  try {
    data = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (err) {
    io.stderr.write(`${file}: not valid JSON: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const { config, revision } = await withDatabase(() => saveTeamConfig(data, "cli", new Date()));
    io.stdout.write(
      `${JSON.stringify({ team: config.team, phases: config.phases.map((p) => p.id), stored: true, revision })}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr.write(`${file}: ${userErrorText(err)}`);
      return 1;
    }
    throw err;
  }
}
