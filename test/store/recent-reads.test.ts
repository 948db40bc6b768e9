/**
 * The per-process copies of team configurations and cycle states: what another replica commits, or a
 * reset of the collections, is seen by the very next read; what is handed out cannot be changed.
 */
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planTransition } from "../../src/cycle/cycle-state.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { commitCycleEvent } from "../../src/store/cycles.ts";
import { loadTeamConfigRevision } from "../../src/team/team-config-store.ts";
import { clearTeamConfigs, saveTeam, teamConfig } from "../schedule/fixtures.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";

const TEAM = "T0RECENT";
const PERIOD = "2027-03";
const revisions = () => mongoose.connection.collection("team_config_revisions");

/** What a save on another replica writes: the next revision document (its head refresh may lag). */
async function saveElsewhere(revision: number, overrides: Record<string, unknown>, at: Date) {
  await revisions().insertOne({
    _id: `${TEAM}|${String(revision).padStart(6, "0")}`,
    teamId: TEAM,
    revision,
    config: teamConfig(TEAM, overrides),
    savedAt: at,
    savedBy: "U0OTHER",
  } as never);
}

describe("recent reads of configurations and cycles", () => {
  beforeAll(async () => {
    await connectTestDatabase("recent");
  });
  afterAll(dropTestDatabase);

  it("sees a configuration another replica saved, and a reset of the collection, on the next read", async () => {
    await saveTeam(TEAM, { timezone: "Europe/Berlin" });
    const first = await loadTeamConfigRevision(TEAM);
    expect(first?.revision).toBe(1);
    expect(await loadTeamConfigRevision(TEAM)).toEqual(first);

    await saveElsewhere(2, { timezone: "Asia/Tokyo" }, new Date("2027-03-01T10:00:00Z"));
    const second = await loadTeamConfigRevision(TEAM);
    expect(second).toMatchObject({ revision: 2, savedBy: "U0OTHER" });
    expect(second?.config.timezone).toBe("Asia/Tokyo");

    // Emptied and saved again from scratch elsewhere: revision 1 again, other content.
    await clearTeamConfigs();
    expect(await loadTeamConfigRevision(TEAM)).toBeNull();
    await saveElsewhere(1, { timezone: "America/Chicago" }, new Date("2027-03-02T10:00:00Z"));
    const again = await loadTeamConfigRevision(TEAM);
    expect(again).toMatchObject({ revision: 1, savedBy: "U0OTHER" });
    expect(again?.config.timezone).toBe("America/Chicago");
  });

  it("sees a transition another replica committed on the next read, and hands out frozen states", async () => {
    await clearTeamConfigs();
    await saveTeam(TEAM);
    const at = new Date("2027-03-01T08:00:00Z");
    await startCycle({ teamId: TEAM, period: PERIOD, by: "U0LEAD", at });
    const read = await getCycle(TEAM, PERIOD);
    expect(read?.rev).toBe(1);
    expect(Object.isFrozen(read)).toBe(true);
    expect(() => {
      (read!.order as string[]).push("x");
    }).toThrow(TypeError);

    // Another replica commits the next transition through the store; this process did not see it.
    const phase = read!.order[0]!;
    const planned = planTransition(read!, {
      action: "submit",
      phase,
      by: "U0OTHER",
      at: new Date("2027-03-01T09:00:00Z"),
      comment: null,
      version: 1,
      scenario: null,
    });
    if (!planned.ok) throw new Error("submit not allowed in the test cycle");
    expect(await commitCycleEvent(read!, planned.event)).toBe(true);
    const after = await getCycle(TEAM, PERIOD);
    expect(after?.rev).toBe(2);
    expect(after?.phases[phase]?.status).toBe("submitted");
  });
});
