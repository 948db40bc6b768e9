/** The scenario rules on cycle state, pure: names, the cap of three, the one published plan. */
import { describe, expect, it } from "vitest";
import { applyEvent, type CycleState, newCycleState, planTransition } from "../../src/cycle/cycle-state.ts";
import { chosenByApproval } from "../../src/cycle/decide.ts";
import {
  cycleScenarioNames,
  publishedVersion,
  scenarioName,
  scenarioRoomProblem,
} from "../../src/cycle/scenarios.ts";
import { parseTeamConfig } from "../../src/team/team-config.ts";
import { exampleTeam } from "./helpers.ts";

const at = new Date("2027-01-05T10:00:00Z");
const parsed = parseTeamConfig(exampleTeam());
if (!parsed.ok) throw new Error(parsed.errors.join("; "));
const cfg = parsed.config;

function step(s: CycleState, action: "submit" | "approve", phase: string, scenario?: string): CycleState {
  const p = s.phases[phase]!;
  const version = action === "submit" ? p.version + 1 : p.version;
  const t = planTransition(s, { action, phase, by: "U0X", at, version, scenario });
  if (!t.ok) throw new Error(`${action} ${phase}: ${t.reason}`);
  return applyEvent(s, t.event);
}

function throughDemand(): CycleState {
  let s = newCycleState(cfg, "2027-01", "U0LEAD", at);
  for (const id of ["data", "demand"]) s = step(step(s, "submit", id), "approve", id);
  return s;
}

describe("scenario rules", () => {
  it("names: trimmed, lower case, empty = base; anything else refused", () => {
    expect(scenarioName("  Overtime ")).toBe("overtime");
    expect(scenarioName("")).toBe("base");
    expect(scenarioName(null)).toBe("base");
    for (const bad of ["two words", "-x", "9lives", "x".repeat(31)])
      expect(() => scenarioName(bad)).toThrow();
  });

  it("a scenario phase takes another version while submitted; other phases do not", () => {
    let s = throughDemand();
    s = step(s, "submit", "supply", "base");
    s = step(s, "submit", "supply", "overtime");
    s = step(s, "submit", "supply", "base");
    expect(s.phases.supply).toMatchObject({
      status: "submitted",
      version: 3,
      scenarios: { base: 3, overtime: 2 },
    });
    expect(Object.keys(s.phases.supply!.scenarios!)).toEqual(["base", "overtime"]);
    s = step(s, "approve", "supply");
    s = step(s, "submit", "finance", "base");
    const again = planTransition(s, { action: "submit", phase: "pre_sop", by: "U0X", at, version: 1 });
    expect(again.ok).toBe(false);
    s = step(s, "approve", "finance");
    s = step(step(s, "submit", "pre_sop"), "approve", "pre_sop");
    const stuck = planTransition(step(s, "submit", "exec"), {
      action: "submit",
      phase: "exec",
      by: "U0X",
      at,
      version: 2,
    });
    expect(stuck).toEqual({ ok: false, reason: "wrong_state" });
  });

  it("three scenarios per cycle, counted across supply and finance", () => {
    let s = throughDemand();
    s = step(s, "submit", "supply", "base");
    s = step(s, "submit", "supply", "overtime");
    s = step(s, "approve", "supply");
    s = step(s, "submit", "finance", "outsource");
    expect(cycleScenarioNames(s)).toEqual(["base", "overtime", "outsource"]);
    expect(scenarioRoomProblem(s, s.phases.finance!, "fourth")?.message).toContain("already has 3 scenarios");
    expect(scenarioRoomProblem(s, s.phases.finance!, "overtime")).toBeNull();
  });

  it("the published version: base until the executive choice, the chosen one after, the base where a phase lacks it", () => {
    let s = throughDemand();
    s = step(s, "submit", "supply", "base");
    s = step(s, "submit", "supply", "overtime");
    s = step(s, "approve", "supply");
    s = step(step(s, "submit", "finance", "base"), "approve", "finance");
    s = step(step(s, "submit", "pre_sop"), "approve", "pre_sop");
    s = step(s, "submit", "exec");
    expect(publishedVersion(s, "supply")).toBe(1);
    expect(() => chosenByApproval(s, s.phases.exec!, null)).toThrow("Approve base");
    expect(() => chosenByApproval(s, s.phases.exec!, "nope")).toThrow("is not a scenario");
    expect(() => chosenByApproval(s, s.phases.supply!, "base")).toThrow("does not choose a scenario");
    s = step(s, "approve", "exec", chosenByApproval(s, s.phases.exec!, "overtime")!);
    expect(s.phases.exec!.chosenScenario).toBe("overtime");
    expect(publishedVersion(s, "supply")).toBe(2);
    expect(publishedVersion(s, "finance")).toBe(1);
    expect(publishedVersion(s, "demand")).toBe(1);
  });

  it("a cycle stored before scenarios (no names on its phases) publishes its approved versions", () => {
    let s = throughDemand();
    s = step(s, "submit", "supply");
    s = step(s, "approve", "supply");
    expect(s.phases.supply!.scenarios).toBeUndefined();
    expect(publishedVersion(s, "supply")).toBe(1);
  });
});
