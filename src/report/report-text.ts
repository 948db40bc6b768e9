/**
 * The report as a few lines of plain text, for a terminal (`sop report` without `--json`): what needs a
 * decision, the scenarios, the open action items, the company totals and the caveats.
 */
import { plural } from "../format/numbers.ts";
import { familyProblem } from "./family-problem.ts";
import { compactQty, money, qty } from "./format.ts";
import { flaggedFamilies, openActions, type SopReport, STAGE_LABEL } from "./report-model.ts";

const TOP = 10;

export function reportText(report: SopReport): string {
  const c = report.currency;
  const n = report.months.closed.length;
  const co = report.company;
  const horizonSum = (xs: (number | null)[]) => xs.slice(n).reduce<number>((s, v) => s + (v ?? 0), 0);
  const flagged = flaggedFamilies(report);
  const lines = [
    `S&OP report ${report.period} (team ${report.teamId}), built ${STAGE_LABEL[report.stage]}; scenario shown: ${report.shownScenario}`,
    `horizon ${report.months.horizon[0]} … ${report.months.horizon.at(-1)}, closed months ${report.months.closed[0]} … ${report.months.closed.at(-1)}`,
    `${flagged.length} of ${plural(report.families.length, "family", "families")} flagged; projected shortfall ${qty(co.unitsShort)} units (≈ ${money(co.revenueAtRisk, c)})`,
  ];
  for (const g of flagged.slice(0, TOP)) lines.push(`  ${g.family}: ${familyProblem(g, c)}`);
  if (flagged.length > TOP)
    lines.push(`  … and ${flagged.length - TOP} more (--json, --pdf or --xlsx for all)`);
  if (report.scenarios.length > 1 || report.approvedScenario) {
    lines.push(
      report.approvedScenario
        ? `scenarios (approved: ${report.approvedScenario}):`
        : "scenarios (the executive S&OP approves one):",
    );
    for (const s of report.scenarios)
      lines.push(
        `  ${s.name}: supply v${s.supplyVersion ?? "–"}, finance v${s.financeVersion ?? "–"}; ${s.stockOutFamilies} families short (${qty(s.unitsShort)} units), ${s.capacityMonths} family-months at capacity, inventory at the end ${qty(s.inventoryEnd)}, revenue ${money(s.revenuePlan, c)}${s.cost === null ? "" : `, cost ${money(s.cost, c)}`}`,
      );
  }
  const open = openActions(report);
  lines.push(`open action items: ${open.length}`);
  for (const a of open.slice(0, TOP))
    lines.push(
      `  ${a.text.replace(/\s+/g, " ").slice(0, 120)} — ${a.owner ?? "no owner"}, due ${a.dueDate ?? "–"}`,
    );
  lines.push(
    `company, horizon: demand ${compactQty(horizonSum(co.rows.demandPlan), 12)}, supply ${compactQty(horizonSum(co.rows.supplyPlan), 12)}, inventory at ${report.months.horizon.at(-1)} ${compactQty(co.rows.inventory.at(-1) ?? null, 12)}, finance plan ${money(horizonSum(co.rows.revenuePlan), c)}`,
  );
  for (const note of report.notes) lines.push(`note: ${note}`);
  return `${lines.join("\n")}\n`;
}
