/**
 * Twenty admins press Save on `/sop setup` at the same moment, each form opened on the same revision,
 * as real signed view submissions on the real database. Exactly one save wins each revision; every
 * other admin is told in the ack that the setup changed, shown the saved one, and saves again on the
 * refreshed form. After twenty rounds there are twenty new revisions, one per admin, and every edit is
 * in the final setup: nothing was silently overwritten.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { TeamConfigRevisionModel } from "../../src/db/models/team-config-revision.ts";
import { loadTeamConfigRevision, saveTeamConfig } from "../../src/team/team-config-store.ts";
import { SETUP_INPUTS } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import type { OpenedView } from "../support/slack-standin.ts";
import { as, exampleTeam, openModal, textOf } from "./helpers.ts";

const TEAM = "T0RACE";
const ADMINS = Array.from({ length: 20 }, (_, i) => `U0ADM${String(i).padStart(2, "0")}`);
const clock = new ManualClock(new Date("2027-01-10T08:00:00Z"));

type Json = Record<string, unknown>;
type Values = Record<string, Record<string, Json>>;

/** The state Slack sends for a form submitted as shown: every input at its initial value. */
function formValues(view: Json): Values {
  const out: Values = {};
  for (const block of (view.blocks ?? []) as Json[]) {
    if (block.type !== "input") continue;
    const el = block.element as Json;
    const action = el.action_id as string;
    let state: Json;
    if (el.type === "multi_users_select") state = { selected_users: el.initial_users ?? [] };
    else if (el.type === "conversations_select") state = { selected_conversation: el.initial_conversation };
    else state = { value: el.initial_value ?? "" };
    out[block.block_id as string] = { [action]: { type: el.type, ...state } };
  }
  return out;
}

/** The form as shown, with the person adding themselves to the demand review's owners. */
function addSelfAsDemandOwner(view: Json, userId: string): Values {
  const values = formValues(view);
  const ref = SETUP_INPUTS.phaseOwners("demand");
  const owners = values[ref.block]![ref.action]!.selected_users as string[];
  values[ref.block]![ref.action]!.selected_users = [...owners, userId];
  return values;
}

describe("20 concurrent /sop setup saves", () => {
  const h = useHarness("setup-race", { clock });

  it("one winner per revision; the others are shown the new setup and none of their edits is lost", async () => {
    await saveTeamConfig(exampleTeam({ team: TEAM, admins: ADMINS }), "cli", clock.now());
    const base = (await loadTeamConfigRevision(TEAM))!.revision;
    // Every admin opens the setup on the same revision.
    let pending = new Map<string, OpenedView>();
    for (const admin of ADMINS) pending.set(admin, await openModal(h(), as(admin, TEAM), "setup"));

    const winners: string[] = [];
    while (pending.size > 0) {
      const round = [...pending];
      const acks = await Promise.all(
        round.map(async ([admin, opened]) => {
          const values = addSelfAsDemandOwner(opened.view, admin);
          const { http } = await h().driver.submitView(
            as(admin, TEAM),
            { ...opened.view, id: opened.id },
            values as never,
          );
          expect(http.status).toBe(200);
          return { admin, opened, ack: http.json as Json | null };
        }),
      );
      const won = acks.filter((a) => a.ack === null);
      expect(won, `round ${winners.length + 1}: exactly one save wins`).toHaveLength(1);
      winners.push(won[0]!.admin);
      const next = new Map<string, OpenedView>();
      for (const { admin, opened, ack } of acks) {
        if (ack === null) continue;
        // Told in the ack: not saved, who saved meanwhile, and the form now shows the saved setup.
        expect(ack).toMatchObject({ response_action: "update", view: { callback_id: "sop_setup" } });
        const said = textOf(ack);
        expect(said).toContain("Not saved");
        expect(said).toMatch(/<@U0ADM\d\d> saved the setup/);
        expect(said).toContain(`Demand review owners: `);
        next.set(admin, { ...opened, view: ack.view as Json });
      }
      expect(next.size).toBe(round.length - 1);
      pending = next;
      await h().settle();
    }

    // One new revision per admin, each saved by a different one, in the order they won.
    expect(new Set(winners).size).toBe(ADMINS.length);
    const latest = (await loadTeamConfigRevision(TEAM))!;
    expect(latest.revision).toBe(base + ADMINS.length);
    const revisions = await TeamConfigRevisionModel.find({ teamId: TEAM }).sort({ revision: 1 }).lean();
    expect(revisions.map((r) => r.revision)).toEqual(
      Array.from({ length: ADMINS.length + 1 }, (_, i) => base + i),
    );
    expect(revisions.slice(1).map((r) => r.savedBy)).toEqual(winners);
    // Every revision keeps the edits of all before it: each winner's form showed the previous save.
    revisions.slice(1).forEach((r, i) => {
      const demand = (r.config.phases as { id: string; owners: string[] }[]).find((p) => p.id === "demand")!;
      expect(demand.owners).toEqual(["U0DP", ...winners.slice(0, i + 1)]);
    });
    const demand = latest.config.phases.find((p) => p.id === "demand")!;
    expect(demand.owners).toEqual(["U0DP", ...winners]);
  }, 180_000);
});
