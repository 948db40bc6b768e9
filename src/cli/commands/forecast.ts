/**
 * `sop forecast --team T --period PERIOD [--user U]`: the statistical baseline from the team's demand
 * actuals, submitted as the data phase's plan version of the cycle (same checks as any submission).
 * Without --user the submission is recorded as the data phase's first owner, and the plan comment
 * says it came from the command line. Prints `{"team","period","phase","version","families","lines",
 * "total","skipped","historyFrom","historyTo"}`.
 */
import { type Clock, systemClock } from "../../clock.ts";
import { isPeriod } from "../../cycle/period.ts";
import { UserError } from "../../errors.ts";
import { BASELINE_PHASE_ID } from "../../forecast/baseline-plan.ts";
import { generateBaseline } from "../../forecast/generate-baseline.ts";
import { requireTeamConfig } from "../../team/team-config-store.ts";
import { type CommandIo, parseFlags, requireFlag, UsageError } from "../io.ts";
import { writeUserError } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";

export async function forecastCommand(
  argv: string[],
  io: CommandIo,
  clock: Clock = systemClock,
): Promise<number> {
  const { flags, positionals } = parseFlags(argv);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const team = requireFlag(flags, "team");
  const period = requireFlag(flags, "period");
  if (!isPeriod(period)) throw new UsageError(`--period must be a month such as 2027-01, got "${period}"`);
  const userFlag = flags.user;
  if (userFlag === true) throw new UsageError("--user needs a Slack user id");
  try {
    const out = await withDatabase(async () => {
      let user = userFlag;
      if (user === undefined) {
        const cfg = await requireTeamConfig(team);
        user = cfg.phases.find((p) => p.id === BASELINE_PHASE_ID)?.owners[0];
        if (!user) {
          throw new UserError(
            "not_found",
            `The team's phase template has no "${BASELINE_PHASE_ID}" phase to submit a baseline to.`,
          );
        }
      }
      const g = await generateBaseline({ teamId: team, period, by: user, at: clock.now(), source: "cli" });
      return {
        team,
        period,
        phase: BASELINE_PHASE_ID,
        version: g.submitted.version,
        submittedBy: user,
        families: g.plan.families.length,
        lines: g.plan.lines.length,
        total: g.plan.total,
        skipped: g.plan.skipped,
        historyFrom: g.historyFrom,
        historyTo: g.historyTo,
      };
    });
    io.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      writeUserError(io, err);
      return 1;
    }
    throw err;
  }
}
