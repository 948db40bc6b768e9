/** FVA in `/sop kpi PERIOD`, over signed HTTP, from the real database. */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import {
  approveBaselineAndConsensus,
  insertDemand,
  setUpTeam,
  startTestCycle,
  TEAM,
} from "../forecast-phase/fixtures.ts";
import { useHarness } from "../support/harness.ts";

const member = { teamId: TEAM, userId: "U0SOMEONE" };

describe("forecast value added in /sop kpi", () => {
  const h = useHarness("fvakpi", { clock: new ManualClock(new Date("2027-03-03T09:00:00Z")) });

  it("says no data before any month can be compared", async () => {
    await setUpTeam();
    const { responseId } = await h().driver.command(member, "kpi 2027-01");
    const text = JSON.stringify((await h().driver.reply(responseId)).blocks);
    expect(text).toContain("KPIs — January 2027");
    expect(text).toContain("*Forecast value added*: no data");
  });

  it("shows the month's consensus vs baseline accuracy and the family that lost most", async () => {
    await startTestCycle();
    await approveBaselineAndConsensus(
      [
        ["A", "2027-01", 90],
        ["B", "2027-01", 50],
      ],
      [
        ["A", "2027-01", 110],
        ["B", "2027-01", 80],
      ],
    );
    await insertDemand(TEAM, [
      { family: "A", period: "2027-01", actual: 100 },
      { family: "B", period: "2027-01", actual: 50 },
      { family: "A", period: "2027-02", actual: 999 }, // another month: not in January's window
    ]);
    const { responseId } = await h().driver.command(member, "kpi 2027-01");
    const reply = await h().driver.reply(responseId);
    expect(reply.response_type).toBe("ephemeral");
    const text = JSON.stringify(reply.blocks);
    // Baseline |100−90| + |50−50| = 10 of 150; consensus 10 + 30 = 40 of 150.
    expect(text).toContain(
      "*Forecast value added* over 2027-01: consensus 73.3 % vs statistical baseline 93.3 % → FVA *−20 pts* (the overrides cost accuracy)",
    );
    expect(text).toContain("2 families · hurt most: B −60 pts");
  });
});
