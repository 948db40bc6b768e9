/**
 * Phase roles in the template (a role defaults to the phase id when the id is a role's name, one phase
 * per role) and the configuration's `report` section (targets, groups, make-to-order families), with
 * field-named errors for bad input.
 */
import { describe, expect, it } from "vitest";
import { newCycleState, phaseWithRole } from "../../src/cycle/cycle-state.ts";
import { planRulesFor } from "../../src/plans/plan-csv.ts";
import { roleOf } from "../../src/team/phase-role.ts";
import { familyTargets, groupOf } from "../../src/team/report-settings.ts";
import { parseTeamConfig, type TeamConfig } from "../../src/team/team-config.ts";

const phase = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  owners: ["U0A"],
  approvers: ["U0B"],
  dueDay: 10,
  ...extra,
});
const base = { team: "T0ROLE", admins: ["U0A"], channels: { sop: "C0SOP", exec: "C0EXEC" } };

function parse(input: Record<string, unknown>): TeamConfig {
  const r = parseTeamConfig({ ...base, ...input });
  if (!r.ok) throw new Error(r.errors.join("; "));
  return r.config;
}

describe("phase roles", () => {
  it("defaults a role to the phase id and lets a renamed phase name its role", () => {
    const cfg = parse({
      phases: [phase("demand"), phase("ops_review", { role: "supply" }), phase("product")],
    });
    expect(cfg.phases.map(roleOf)).toEqual(["demand", "supply", null]);
    // The rules follow the role, not the id: the renamed supply phase may give capacity.
    expect(planRulesFor(cfg, "ops_review", "2027-01").allowCapacity).toBe(true);
    expect(planRulesFor(cfg, "demand", "2027-01").allowCapacity).toBe(false);
    const cycle = newCycleState(cfg, "2027-01", "U0A", new Date("2027-01-01T08:00:00Z"));
    expect(phaseWithRole(cycle, "supply")?.id).toBe("ops_review");
    expect(phaseWithRole(cycle, "exec")).toBeNull();
  });

  it("refuses two phases with one role and an unknown role, naming the field", () => {
    const twice = parseTeamConfig({
      ...base,
      phases: [phase("supply"), phase("capacity", { role: "supply" })],
    });
    expect(twice.ok).toBe(false);
    if (!twice.ok)
      expect(twice.errors).toContain(
        'phases[1].role: phase "supply" already has the role supply; a role belongs to one phase',
      );
    const unknown = parseTeamConfig({ ...base, phases: [phase("x", { role: "boss" })] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.errors[0]).toMatch(/^phases\[0\]\.role: must be one of data, demand/);
  });
});

describe("report settings", () => {
  it("defaults the targets to the days-of-supply KPI band and reads families and groups", () => {
    const cfg = parse({
      phases: [phase("demand")],
      kpis: { daysOfSupply: { min: 15, max: 50 } },
      report: {
        families: { Kettles: { minDays: 5, maxDays: 25 }, Roasters: { makeToOrder: true, maxDays: 14 } },
        groups: { Machines: ["Kettles", "Roasters"] },
      },
    });
    const band = cfg.kpis.daysOfSupply!;
    expect(familyTargets(cfg.report, band, "Grinders")).toEqual({ minDays: 15, maxDays: 50, mode: "stock" });
    expect(familyTargets(cfg.report, band, "Kettles")).toEqual({ minDays: 5, maxDays: 25, mode: "stock" });
    expect(familyTargets(cfg.report, band, "Roasters")).toEqual({ minDays: 0, maxDays: 14, mode: "backlog" });
    expect(groupOf(cfg.report).get("Roasters")).toBe("Machines");
    expect(cfg.report.familyPages).toBe(250);
  });

  it("refuses a family in two groups, min over max, and families not on the team's list", () => {
    const r = parseTeamConfig({
      ...base,
      phases: [phase("demand")],
      families: ["Kettles"],
      report: {
        families: { Kettles: { minDays: 30, maxDays: 10 }, Toasters: {} },
        groups: { A: ["Kettles"], B: ["Kettles"] },
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        "report.families.Kettles: minDays must not exceed maxDays",
        'report.groups.B[0]: family "Kettles" is already in group "A"; a family belongs to one group',
        'report.families.Toasters: "Toasters" is not in the team\'s family list',
      ]),
    );
  });
});
