/** `sop status [PERIOD] --team T`: the cycle as `/sop status` shows it, as JSON (times as ISO instants). */
import { getCycle } from "../../cycle/cycle-store.ts";
import { noCycle } from "../../cycle/explain.ts";
import { currentPeriod } from "../../cycle/period.ts";
import { requirePeriod } from "../../cycle/start-cycle.ts";
import { cycleReport } from "../../cycle/status-report.ts";
import { UserError } from "../../errors.ts";
import { requireTeamConfig } from "../../team/team-config-store.ts";
import { type CommandIo, parseFlags, requireFlag } from "../io.ts";
import { writeUserError } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";

export async function statusCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv);
  const teamId = requireFlag(flags, "team");
  try {
    const report = await withDatabase(async () => {
      const cfg = await requireTeamConfig(teamId);
      const now = new Date();
      const period = positionals[0] ? requirePeriod(positionals[0]) : currentPeriod(cfg.timezone, now);
      const cycle = await getCycle(teamId, period);
      if (!cycle) throw noCycle(period);
      return cycleReport(cycle, cfg, now);
    });
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      writeUserError(io, err);
      return 1;
    }
    throw err;
  }
}
