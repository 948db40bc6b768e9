/** `/sop digest` over signed HTTP, and the executive dashboard in App Home (content, audience, refresh). */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import { refreshDigestFacts, reportingWeek } from "../../src/digest/index.ts";
import { createLogger } from "../../src/logger.ts";
import { TeamConfigSchema } from "../../src/team/team-config.ts";
import { saveTeam, teamConfig } from "../schedule/fixtures.ts";
import { checkView } from "../support/block-kit-limits.ts";
import { useHarness } from "../support/harness.ts";
import { seedActuals, seedSnapshots } from "./fixtures.ts";

const TEAM = "T0SIM";
const NOW = new Date("2027-02-01T07:00:00Z");
const lead = { teamId: TEAM, userId: "U0LEAD" };
const planner = { teamId: TEAM, userId: "U0DP" };

describe("/sop digest and the executive dashboard", () => {
  const h = useHarness("digestcmd", { clock: new ManualClock(NOW) });

  beforeAll(async () => {
    await saveTeam(TEAM);
    await seedSnapshots(TEAM, "2027-W04");
    await seedActuals(TEAM, "2027-01", 30);
    await startCycle({ teamId: TEAM, period: "2027-02", by: "U0LEAD", at: NOW });
    await submitPlan({
      teamId: TEAM,
      period: "2027-02",
      phase: "data",
      by: "U0ANALYST",
      at: NOW,
      csv: "family,period,quantity\nFamily 0001,2027-02,1200\nFamily 0002,2027-03,800\n",
      source: "cli",
    });
    await refreshDigestFacts(
      TEAM,
      TeamConfigSchema.parse(teamConfig(TEAM)),
      reportingWeek(NOW, "Europe/Berlin"),
      NOW,
      createLogger("silent"),
    );
  });
  beforeEach(() => h().standIn.reset());

  it("refuses non-admins and unknown options, changing nothing", async () => {
    const { responseId } = await h().driver.command(planner, "digest");
    expect(JSON.stringify((await h().driver.reply(responseId)).blocks)).toContain("Only S&OP admins");
    const bad = await h().driver.command(lead, "digest now-please");
    expect(JSON.stringify((await h().driver.reply(bad.responseId)).blocks)).toContain("/sop digest preview");
    await h().settle();
    expect(h().standIn.messagesIn("C0EXEC")).toHaveLength(0);
  });

  it("`/sop digest preview` shows the digest only to the admin", async () => {
    const { responseId } = await h().driver.command(lead, "digest preview");
    const reply = await h().driver.reply(responseId);
    expect(reply.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply.blocks)).toContain(
      "S&OP weekly digest — week 2027-W04 (Mon 25 Jan – Sun 31 Jan)",
    );
    expect(JSON.stringify(reply.blocks)).toContain("Preview, only you can see it");
    await h().settle();
    expect(h().standIn.messagesIn("C0EXEC")).toHaveLength(0);
    expect(h().standIn.files.size).toBe(0);
  });

  it("`/sop digest` posts to the exec channel with three chart files and confirms", async () => {
    const { responseId } = await h().driver.command(lead, "digest");
    const reply = await h().driver.reply(responseId);
    expect(reply.text).toBe("Digest 2027-W04 posted to <#C0EXEC> with 3 charts.");
    await h().settle();
    expect(
      h()
        .standIn.messagesIn("C0EXEC")
        .filter((m) => m.blocks),
    ).toHaveLength(1);
    expect(h().standIn.files.size).toBe(3);
  });

  it("App Home: executives and admins see the dashboard (plans, KPI tiles, latest charts); others do not", async () => {
    await h().driver.command(lead, "digest"); // charts to show
    await h().settle();
    const fileIds = [...h().standIn.files.keys()];
    for (const user of ["U0CEO", "U0DP"]) {
      await h().driver.event(TEAM, { type: "app_home_opened", user, tab: "home" });
    }
    await h().settle();
    const ceo = h().standIn.homes.get("U0CEO")!;
    expect(checkView(ceo)).toEqual([]);
    const text = JSON.stringify(ceo.blocks);
    expect(text).toContain("S&OP Executive Review Dashboard");
    expect(text).toContain("*KPIs — week 2027-W04*");
    expect(text).toContain("On-time delivery");
    expect(text).toContain(
      "*Data gathering &amp; statistical forecast* v1 — :hourglass_flowing_sand: waiting for sign-off · 2 families · 2027-02…2027-03 · total 2,000 · by <@U0ANALYST>",
    );
    const images = (ceo.blocks as { type: string; slack_file?: { id: string } }[]).filter(
      (b) => b.type === "image",
    );
    expect(images.map((i) => i.slack_file?.id).sort()).toEqual(fileIds.sort());
    expect(JSON.stringify(h().standIn.homes.get("U0DP")!.blocks)).not.toContain("Executive Review Dashboard");
  });

  it("re-publishes executives' and admins' App Home when a phase changes", async () => {
    await h().driver.command(lead, "start 2027-03");
    await h().settle();
    // (The charts' files were cleared from the stand-in above, as if deleted: each Home goes out without them.)
    const published = h()
      .standIn.callsOf("views.publish")
      .filter((c) => c.ok)
      .map((c) => c.args.user_id)
      .sort();
    expect(published).toEqual(["U0CEO", "U0CFO", "U0LEAD"]);
    const home = h().standIn.homes.get("U0CFO")!;
    expect(JSON.stringify(home.blocks)).toContain("Executive Review Dashboard");
    // An interaction that changes nothing publishes nothing.
    h().standIn.reset();
    await h().driver.command(lead, "start 2027-03");
    await h().settle();
    expect(h().standIn.callsOf("views.publish")).toHaveLength(0);
  });
});
