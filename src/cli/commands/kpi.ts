/**
 * `sop kpi --team T --from DATE --to DATE [--family F] [--json]`: every KPI (README "KPI definitions") over
 * the window. `--json` prints exactly the shape of kpi-values.ts (fractions and days, null for no data); without
 * it, a table with targets and RAG status.
 */

import { UserError } from "../../errors.ts";
import { RAG_LABEL } from "../../format/status.ts";
import { formatKpiValue } from "../../kpi/catalog.ts";
import { computeKpis } from "../../kpi/compute-kpis.ts";
import { summarizeKpis } from "../../kpi/kpi-summary.ts";
import type { KpiValues, KpiWindow } from "../../kpi/kpi-values.ts";
import { targetsFor } from "../../kpi/targets.ts";
import { parseKpiWindow } from "../../kpi/window.ts";
import { loadTeamConfig } from "../../team/team-config-store.ts";
import { type CommandIo, parseFlags, requireFlag, UsageError } from "../io.ts";
import { withDatabase } from "../with-database.ts";
import { requireTeam } from "./import.ts";

export function kpiTable(
  teamId: string,
  window: KpiWindow,
  values: KpiValues,
  cfg: Parameters<typeof targetsFor>[0],
): string {
  const rows = summarizeKpis(values, null, targetsFor(cfg));
  const header = `KPIs of ${teamId}, ${window.from} … ${window.to}${window.family ? `, family ${window.family}` : ""}`;
  const table = [
    ["KPI", "Value", "Target", "Status"],
    ...rows.map((r) => [r.label, r.display, r.target, RAG_LABEL[r.status]]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const lines = table.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const ct = values.cycleTime;
  const notes =
    ct.mean === null
      ? []
      : [
          `cycle time: mean ${formatKpiValue("cycleTime", ct.mean)}, median ${formatKpiValue("cycleTime", ct.median)}, p90 ${formatKpiValue("cycleTime", ct.p90)}`,
        ];
  return `${[header, "", ...lines, "", ...notes].join("\n").trimEnd()}\n`;
}

export async function kpiCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv, ["json"]);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const teamId = requireTeam(flags);
  const from = requireFlag(flags, "from");
  const to = requireFlag(flags, "to");
  const family = flags.family === true ? "" : flags.family;
  let window: KpiWindow;
  try {
    window = parseKpiWindow(from, to, family);
  } catch (err) {
    if (err instanceof UserError) throw new UsageError(err.details.join("; "));
    throw err;
  }
  const { values, cfg } = await withDatabase(async () => ({
    values: await computeKpis({ teamId, ...window }),
    cfg: flags.json ? null : await loadTeamConfig(teamId),
  }));
  io.stdout.write(flags.json ? `${JSON.stringify(values)}\n` : kpiTable(teamId, window, values, cfg));
  if (!flags.json && !cfg)
    io.stderr.write(
      `${teamId} has no configuration stored: the default targets are shown (\`sop config import FILE.json\` stores one).\n`,
    );
  return 0;
}
