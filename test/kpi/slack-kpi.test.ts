/** `/sop kpi [PERIOD]` through the real Bolt app: the month's KPIs, targets, RAG and change vs a week earlier. */
import { beforeAll, describe, expect, it } from "vitest";
import { importActuals } from "../../src/actuals/import-actuals.ts";
import { ManualClock } from "../../src/clock.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { useHarness } from "../support/harness.ts";
import { DEMAND_CSV, INVENTORY_CSV, ORDERS_CSV, PRODUCTION_CSV, TEAM } from "./hand-data.ts";

const MEMBER = { teamId: TEAM, userId: "U0ANYONE" };
const clock = new ManualClock(new Date("2026-02-05T09:00:00Z"));

describe("/sop kpi over signed HTTP", () => {
  const h = useHarness("slackkpi", { clock });

  beforeAll(async () => {
    await saveTeamConfig(
      {
        team: TEAM,
        timezone: "Europe/Berlin",
        admins: ["U0LEAD"],
        channels: { sop: "C0SOP", exec: "C0EXEC" },
        phases: [{ id: "data", name: "Data", owners: ["U0ANALYST"], approvers: ["U0LEAD"], dueDay: 3 }],
        kpis: { onTimeDelivery: { target: 0.5, amber: 0.4 } },
      },
      "test",
      new Date(),
    );
    for (const [kind, source] of [
      ["demand", DEMAND_CSV],
      ["production", PRODUCTION_CSV],
      ["orders", ORDERS_CSV],
      ["inventory", INVENTORY_CSV],
    ] as const)
      await importActuals({ teamId: TEAM, kind, source });
  });

  async function kpi(text: string) {
    const { http, responseId } = await h().driver.command(MEMBER, text);
    expect(http.status).toBe(200);
    const reply = await h().driver.reply(responseId);
    expect(reply.response_type).toBe("ephemeral");
    return { reply, text: JSON.stringify(reply.blocks) };
  }

  it("shows every KPI of a month with value, target, RAG and the change vs a week earlier", async () => {
    const { reply, text } = await kpi("kpi 2026-01");
    expect(text).toContain("KPIs — January 2026");
    expect(text).toContain(
      "2026-01-01 … 2026-01-31 · change vs the same window a week earlier (2025-12-25 … 2026-01-24)",
    );
    // The team's own OTD target (50 %): on target.
    expect(text).toContain(
      ":large_green_circle: green · *On-time delivery*  50 %\\ntarget ≥ 50 % · ±0 pts vs prev. week",
    );
    // Days of supply: 42.5 d now; a week earlier 32 / (129.5 / 28) = 6.92 d (see hand-data.ts) → +35.6 d.
    expect(text).toContain(
      ":large_green_circle: green · *Days of supply*  42.5 d\\ntarget 20–45 d · +35.6 d vs prev. week",
    );
    expect(text).toContain(":red_circle: red · *Forecast accuracy*  29.8 %");
    expect(text).toContain("*Order cycle time*  9.8 d mean");
    expect(text).toContain("median 10 d · p90 13.5 d");
    for (const label of ["Forecast bias", "MAPE", "Service level", "Plan adherence", "Capacity utilization"])
      expect(text).toContain(`*${label}*`);
    expect((reply.blocks as unknown[]).length).toBeLessThanOrEqual(50);
  });

  it("defaults to the current month in the team's time zone, to date", async () => {
    // 31 Jan 23:30 UTC is already 1 Feb in Berlin.
    clock.set("2026-01-31T23:30:00Z");
    const { text } = await kpi("kpi");
    expect(text).toContain("KPIs — February 2026");
    expect(text).toContain("2026-02-01 … 2026-02-01 (to date)");
    clock.set("2026-02-05T09:00:00Z");
  });

  it("explains a bad or future period", async () => {
    expect((await kpi("kpi 2026-13")).text).toContain('\\"2026-13\\" is not a month; use YYYY-MM');
    expect((await kpi("kpi 2026-03")).text).toContain("2026-03 has not started yet");
  });

  it("works in a workspace without configuration, with default targets and no data", async () => {
    const { responseId } = await h().driver.command({ teamId: "T0NEW", userId: "U0X" }, "kpi 2026-01");
    const text = JSON.stringify((await h().driver.reply(responseId)).blocks);
    expect(text).toContain(":white_circle: no data · *On-time delivery*  no data\\ntarget ≥ 95 %");
  });
});
