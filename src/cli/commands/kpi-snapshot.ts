/**
 * `sop kpi snapshot --team T [--week YYYY-Www]`: computes and stores (replacing) one weekly KPI snapshot;
 * the week defaults to the team's current week. Prints `{"team","week","from","to","values"}`.
 */
import { systemClock } from "../../clock.ts";
import { UserError } from "../../errors.ts";
import { currentWeek, snapshotWeek } from "../../kpi/snapshots.ts";
import { parseIsoWeek } from "../../time/iso-week.ts";
import { type CommandIo, parseFlags, UsageError } from "../io.ts";
import { writeUserError } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";
import { requireTeam } from "./import.ts";

export async function kpiSnapshotCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const teamId = requireTeam(flags);
  const week = flags.week;
  if (week === true) throw new UsageError("--week needs a value such as 2026-W47");
  if (week !== undefined && !parseIsoWeek(week))
    throw new UsageError(
      `--week ${JSON.stringify(week)} is not an ISO week (YYYY-Www, W53 only in long years)`,
    );
  try {
    const snap = await withDatabase(async () =>
      snapshotWeek(teamId, week ?? (await currentWeek(teamId, systemClock)), systemClock),
    );
    io.stdout.write(
      `${JSON.stringify({ team: snap.teamId, week: snap.week, from: snap.from, to: snap.to, values: snap.values })}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      writeUserError(io, err);
      return 1;
    }
    throw err;
  }
}
