/**
 * The published plan of a cycle as an Excel workbook, for implementation: one sheet per planning phase
 * (demand, supply, finance — found by role) with that phase's one approved version (the scenario the
 * executive S&OP chose, for a scenario phase), line by line as submitted — family, month, quantity, and
 * capacity or revenue where the plan has them — and a first sheet saying which versions these are.
 * Numbers are numbers with formats; headers are frozen.
 */
import type ExcelJS from "exceljs";
import { type CycleState, type PhaseState, phaseWithRole } from "../cycle/cycle-state.ts";
import { chosenScenario, publishedVersion, versionScenario } from "../cycle/scenarios.ts";
import { sheetName } from "../report/xlsx/render-xlsx.ts";
import { streamWorkbook, type WorkbookWriter } from "../report/xlsx/stream-workbook.ts";
import { loadPlanVersion } from "../store/plan-versions.ts";
import type { PhaseRole } from "../team/phase-role.ts";
import { type PlanLine, planLines } from "./plan-lines.ts";

const PLAN_ROLES: PhaseRole[] = ["demand", "supply", "finance"];

export interface PublishedPhasePlan {
  phase: PhaseState;
  version: number;
  scenario: string | null;
  lines: PlanLine[];
}

export interface PublishedPlan {
  period: string;
  teamId: string;
  scenario: string | null;
  phases: PublishedPhasePlan[];
}

export function publishedPlanFileName(period: string): string {
  return `published-plan-${period}.xlsx`;
}

/** The approved version of each planning phase (phases without one are left out). */
export async function loadPublishedPlan(cycle: CycleState): Promise<PublishedPlan> {
  const phases: PublishedPhasePlan[] = [];
  for (const role of PLAN_ROLES) {
    const phase = phaseWithRole(cycle, role);
    const version = phase ? publishedVersion(cycle, phase.id) : null;
    if (!phase || version === null) continue;
    const plan = await loadPlanVersion(cycle.teamId, cycle.period, phase.id, version);
    if (!plan) throw new Error(`plan ${cycle.teamId} ${cycle.period} ${phase.id} v${version} is missing`);
    phases.push({
      phase,
      version,
      scenario: versionScenario(cycle, phase.id, version),
      lines: planLines(plan),
    });
  }
  return { period: cycle.period, teamId: cycle.teamId, scenario: chosenScenario(cycle), phases };
}

type Writer = WorkbookWriter;

/** A sheet with its header row frozen (the streaming writer takes views only up front). */
function frozenSheet(wb: Writer, name: string): ExcelJS.Worksheet {
  return wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2" }] });
}

function phaseSheet(wb: Writer, p: PublishedPhasePlan, used: Set<string>): void {
  const ws = frozenSheet(wb, sheetName(p.phase.name, used));
  const capacity = p.lines.some((l) => l.capacity !== undefined);
  const revenue = p.lines.some((l) => l.revenue !== undefined);
  const quantity = { numFmt: "#,##0.##" };
  ws.columns = [
    { header: "Family", key: "family", width: 28 },
    { header: "Month", key: "period", width: 10 },
    { header: "Quantity", key: "quantity", width: 14, style: quantity },
    ...(capacity ? [{ header: "Capacity", key: "capacity", width: 14, style: quantity }] : []),
    ...(revenue ? [{ header: "Revenue", key: "revenue", width: 16, style: { numFmt: "#,##0.00" } }] : []),
  ];
  ws.autoFilter = { from: "A1", to: { row: 1, column: ws.columns.length } };
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.commit();
  for (const l of p.lines)
    ws.addRow({
      family: l.family,
      period: l.period,
      quantity: l.quantity,
      ...(capacity ? { capacity: l.capacity ?? null } : {}),
      ...(revenue ? { revenue: l.revenue ?? null } : {}),
    }).commit();
  ws.commit();
}

/** Written row by row with the streaming writer: 5,000 families × 18 months × 3 plans stay small. */
export function renderPublishedPlanXlsx(plan: PublishedPlan, at: Date): Promise<Buffer> {
  return streamWorkbook({ creator: `S&OP bot · team ${plan.teamId}`, at }, (wb) => {
    const used = new Set<string>();
    const about = frozenSheet(wb, sheetName("Published plan", used));
    about.columns = [
      { header: "Phase", key: "phase", width: 34 },
      { header: "Version", key: "version", width: 10 },
      { header: "Scenario", key: "scenario", width: 14 },
      { header: "Lines", key: "lines", width: 10, style: { numFmt: "#,##0" } },
      { header: "Families", key: "families", width: 10, style: { numFmt: "#,##0" } },
    ];
    about.getRow(1).font = { bold: true };
    for (const p of plan.phases)
      about.addRow({
        phase: p.phase.name,
        version: p.version,
        scenario: p.scenario ?? "",
        lines: p.lines.length,
        families: new Set(p.lines.map((l) => l.family)).size,
      });
    about.addRow([]);
    about.addRow([
      `Cycle ${plan.period}: the approved plan${plan.scenario ? ` (scenario "${plan.scenario}")` : ""}, one sheet per phase.`,
    ]);
    about.commit();
    for (const p of plan.phases) phaseSheet(wb, p, used);
  });
}
