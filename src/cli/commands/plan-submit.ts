/**
 * `sop plan submit PERIOD PHASE FILE --team T --user U [--comment TEXT] [--scenario NAME]`: a plan
 * version from a CSV or Excel (.xlsx) file (a supply or finance plan under a scenario name), with
 * the same checks as the Slack modal (U must own the phase, the phase must take submissions, every bad
 * line listed on stderr and nothing stored). Prints the stored version's summary as JSON.
 * Slack is not told from here (src/ knows nothing of Slack): approvers see the version in `/sop status`
 * and sign it off from their App Home.
 */
import { readFile } from "node:fs/promises";
import { requirePeriod } from "../../cycle/start-cycle.ts";
import { PlanRejectedError, submitPlan } from "../../cycle/submit-plan.ts";
import { UserError } from "../../errors.ts";
import { decodeCsvBytes } from "../../plans/plan-csv.ts";
import { looksLikeXlsx } from "../../plans/plan-xlsx.ts";
import { type CommandIo, parseFlags, requireFlag, UsageError } from "../io.ts";
import { writeUserError } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";

export async function planSubmitCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv);
  const [periodArg, phase, file] = positionals;
  if (!periodArg || !phase || !file) throw new UsageError("PERIOD, PHASE and FILE are required");
  const teamId = requireFlag(flags, "team");
  const userId = requireFlag(flags, "user");
  const comment = typeof flags.comment === "string" ? flags.comment : null;
  const scenario = typeof flags.scenario === "string" ? flags.scenario : null;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    io.stderr.write(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
    return 1;
  }
  // An Excel workbook (.xlsx) is read as its first sheet; anything else as UTF-8 CSV.
  let content: { csv: string } | { xlsx: Uint8Array };
  if (looksLikeXlsx(bytes, file)) content = { xlsx: bytes };
  else {
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) {
      io.stderr.write(`${file}: ${decoded.problem}\n`);
      return 1;
    }
    content = { csv: decoded.text };
  }
  try {
    const period = requirePeriod(periodArg);
    const r = await withDatabase(() =>
      submitPlan({
        teamId,
        period,
        phase: phase.toLowerCase(),
        by: userId,
        at: new Date(),
        ...content,
        comment,
        scenario,
        source: "cli",
        fileName: file.split(/[\\/]/).at(-1) ?? file,
      }),
    );
    const s = r.summary;
    io.stdout.write(
      `${JSON.stringify({
        team: teamId,
        period,
        phase: r.phase.id,
        version: r.version,
        scenario: r.scenario,
        status: r.phase.status,
        rows: s.rows,
        families: s.families,
        periodFrom: s.periodFrom,
        periodTo: s.periodTo,
        totals: s.totals,
        previous: s.previous ? { version: s.previous.version, totals: s.previous.totals } : null,
      })}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof PlanRejectedError) {
      io.stderr.write(`${file}: ${err.message}\n${err.details.map((d) => `${file}: ${d}\n`).join("")}`);
      return 1;
    }
    if (err instanceof UserError) {
      writeUserError(io, err);
      return 1;
    }
    throw err;
  }
}
