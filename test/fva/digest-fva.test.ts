/** FVA in the weekly digest, over signed HTTP (`/sop digest preview`), from the real database. */
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

describe("forecast value added in the digest", () => {
  // Reporting week 2027-W08 (22–28 Feb): FVA over December … February.
  const h = useHarness("fvadigest", { clock: new ManualClock(new Date("2027-03-03T09:00:00Z")) });

  it("is absent while nothing can be compared", async () => {
    await setUpTeam();
    const { responseId } = await h().driver.command({ teamId: TEAM, userId: "U0LEAD" }, "digest preview");
    const reply = await h().driver.reply(responseId);
    expect(JSON.stringify(reply.blocks)).toContain("S&OP weekly digest");
    expect(JSON.stringify(reply.blocks)).not.toContain("Forecast value added");
  });

  it("shows consensus vs baseline accuracy, FVA and the families that gained or lost", async () => {
    await startTestCycle();
    await approveBaselineAndConsensus(
      [
        ["A", "2027-01", 90],
        ["A", "2027-02", 260],
        ["B", "2027-01", 50],
      ],
      [
        ["A", "2027-01", 110],
        ["A", "2027-02", 210],
        ["B", "2027-01", 80],
      ],
    );
    await insertDemand(TEAM, [
      { family: "A", period: "2027-01", actual: 100 },
      { family: "A", period: "2027-02", actual: 200 },
      { family: "B", period: "2027-01", actual: 50 },
    ]);
    const { responseId } = await h().driver.command({ teamId: TEAM, userId: "U0LEAD" }, "digest preview");
    const text = JSON.stringify((await h().driver.reply(responseId)).blocks);
    expect(text).toContain(
      "*Forecast value added* over 2027-01 – 2027-02: consensus 85.7 % vs statistical baseline 80 % → FVA *+5.7 pts* (the overrides added value)",
    );
    expect(text).toContain("2 families · helped most: A +16.7 pts · hurt most: B −60 pts");
  });
});
