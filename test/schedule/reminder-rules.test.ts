import { describe, expect, it } from "vitest";
import { applyEvent, type CycleState, newCycleState, planTransition } from "../../src/cycle/cycle-state.ts";
import { remindersFor } from "../../src/schedule/reminder-rules.ts";
import { TeamConfigSchema } from "../../src/team/team-config.ts";
import { teamConfig } from "./fixtures.ts";

// examples/team.json: Europe/Berlin; data (owner U0ANALYST, approver U0LEAD) due the 3rd, demand (U0DP / U0SALES) the 8th.
const cfg = TeamConfigSchema.parse(teamConfig("T0SIM"));
const berlin = (local: string) => new Date(`${local}+01:00`);

function act(
  state: CycleState,
  action: "submit" | "approve" | "request_changes",
  phase: string,
  at: Date,
  by = "U0X",
): CycleState {
  const p = state.phases[phase]!;
  const version = action === "submit" ? p.version + 1 : p.version;
  const planned = planTransition(state, { action, phase, by, at, version, comment: "c" });
  if (!planned.ok) throw new Error(planned.reason);
  return applyEvent(state, planned.event);
}

const started = newCycleState(cfg, "2027-01", "U0LEAD", berlin("2027-01-01T08:00:00"));
const summary = (rs: ReturnType<typeof remindersFor>) => rs.map((r) => `${r.kind}:${r.phase}:${r.to}`).sort();

describe("reminder rules", () => {
  it("reminds owners of a phase due within 48 hours, and nobody else", () => {
    expect(remindersFor([started], cfg, berlin("2027-01-01T09:00:00"))).toEqual([]); // 63 h left
    const rs = remindersFor([started], cfg, berlin("2027-01-02T09:00:00")); // 39 h left
    expect(summary(rs)).toEqual(["due_soon:data:U0ANALYST"]);
    expect(rs[0]).toMatchObject({ via: "dm", hoursLeft: 38, overdueDays: 0, status: "open" });
  });

  it("escalates an overdue phase to the process lead and the S&OP channel, and tells the owners", () => {
    const rs = remindersFor([started], cfg, berlin("2027-01-05T09:00:00"));
    expect(summary(rs)).toEqual([
      "escalation:data:C0SOP",
      "escalation:data:U0LEAD",
      "overdue:data:U0ANALYST",
    ]);
    const channel = rs.find((r) => r.via === "channel")!;
    expect(channel).toMatchObject({ waitingOn: "owners", people: ["U0ANALYST"], overdueDays: 2 });
  });

  it("stops reminding owners once submitted, and chases the approvers instead", () => {
    const submitted = act(started, "submit", "data", berlin("2027-01-02T10:00:00"), "U0ANALYST");
    const rs = remindersFor([submitted], cfg, berlin("2027-01-02T12:00:00"));
    expect(summary(rs)).toEqual(["signoff_pending:data:U0LEAD"]); // due soon: the approver is chased at once
    const late = remindersFor([submitted], cfg, berlin("2027-01-05T09:00:00"));
    expect(summary(late)).toEqual([
      "escalation:data:C0SOP",
      "escalation:data:U0LEAD",
      "signoff_pending:data:U0LEAD",
    ]);
    expect(late.find((r) => r.kind === "escalation")).toMatchObject({
      waitingOn: "approvers",
      people: ["U0LEAD"],
    });
  });

  it("chases an early submission's approvers only after it has waited a day", () => {
    let s = act(started, "submit", "data", berlin("2027-01-02T10:00:00"), "U0ANALYST");
    s = act(s, "approve", "data", berlin("2027-01-02T11:00:00"), "U0LEAD");
    s = act(s, "submit", "demand", berlin("2027-01-04T10:00:00"), "U0DP");
    expect(remindersFor([s], cfg, berlin("2027-01-05T09:00:00"))).toEqual([]); // waited 23 h, due in 87 h
    expect(summary(remindersFor([s], cfg, berlin("2027-01-05T10:30:00")))).toEqual([
      "signoff_pending:demand:U0SALES",
    ]);
  });

  it("never reminds anyone of an approved phase or a closed cycle", () => {
    let s = act(started, "submit", "data", berlin("2027-01-02T10:00:00"), "U0ANALYST");
    s = act(s, "approve", "data", berlin("2027-01-02T11:00:00"), "U0LEAD");
    // Data is approved and past due: nothing for it; demand (due the 8th) is 5 days away.
    expect(remindersFor([s], cfg, berlin("2027-01-04T09:00:00"))).toEqual([]);
    let all = started;
    for (const id of all.order) {
      all = act(all, "submit", id, berlin("2027-01-02T10:00:00"));
      all = act(all, "approve", id, berlin("2027-01-02T10:00:00"));
    }
    expect(all.status).toBe("closed");
    expect(remindersFor([all], cfg, berlin("2027-01-30T09:00:00"))).toEqual([]);
  });

  it("reminds owners again when changes were requested", () => {
    let s = act(started, "submit", "data", berlin("2027-01-02T10:00:00"), "U0ANALYST");
    s = act(s, "request_changes", "data", berlin("2027-01-02T11:00:00"), "U0LEAD");
    expect(summary(remindersFor([s], cfg, berlin("2027-01-02T12:00:00")))).toEqual([
      "due_soon:data:U0ANALYST",
    ]);
  });

  it("gives each reminder a key unique per phase, kind, recipient and local day", () => {
    const morning = remindersFor([started], cfg, berlin("2027-01-05T09:00:00"));
    const evening = remindersFor([started], cfg, berlin("2027-01-05T22:00:00"));
    const nextDay = remindersFor([started], cfg, berlin("2027-01-06T09:00:00"));
    expect(evening.map((r) => r.key)).toEqual(morning.map((r) => r.key));
    expect(morning.map((r) => r.key)).toContain("T0SIM|2027-01|data|escalation|C0SOP|2027-01-05");
    for (const k of nextDay.map((r) => r.key)) expect(morning.map((r) => r.key)).not.toContain(k);
  });

  it("uses the live configuration's owners (an admin reassigned the phase mid-cycle)", () => {
    const live = TeamConfigSchema.parse(
      teamConfig("T0SIM", {
        processLead: "U0OPSLEAD",
        phases: cfg.phases.map((p) => (p.id === "data" ? { ...p, owners: ["U0NEW"] } : p)),
      }),
    );
    expect(summary(remindersFor([started], live, berlin("2027-01-05T09:00:00")))).toEqual([
      "escalation:data:C0SOP",
      "escalation:data:U0OPSLEAD",
      "overdue:data:U0NEW",
    ]);
  });
});
