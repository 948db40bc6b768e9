/** The digest's facts when forecast value added cannot be computed: the rest stands, the failure is logged. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeDigestFacts, reportingWeek } from "../../src/digest/index.ts";
import { type TeamConfig, TeamConfigSchema } from "../../src/team/team-config.ts";
import { teamConfig } from "../schedule/fixtures.ts";
import { capturingLogger } from "../schedule/logs.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { seedActuals } from "./fixtures.ts";

const TEAM = "T0FVAFAIL";
const NOW = new Date("2027-02-01T07:00:00Z");

describe("digest facts without forecast value added", () => {
  beforeAll(async () => {
    await connectTestDatabase("fvafail");
    await seedActuals(TEAM, "2027-01", 10);
  });
  afterAll(dropTestDatabase);

  it("keeps the demand facts, leaves FVA out and logs why", async () => {
    const cfg = TeamConfigSchema.parse(teamConfig(TEAM));
    // Only the FVA computation reads the planning horizon: failing there fails FVA alone.
    const broken = new Proxy(cfg, {
      get: (target, key) => {
        if (key === "horizonMonths") throw new Error("horizon unreadable");
        return Reflect.get(target, key);
      },
    }) as TeamConfig;
    const { logger, lines } = capturingLogger();
    const facts = await computeDigestFacts(TEAM, broken, reportingWeek(NOW, "Europe/Berlin"), logger);
    expect(facts.fva).toBeNull();
    expect(facts.demand.families).toBeGreaterThan(0);
    const line = lines.find((l) => String(l.msg).startsWith("forecast value added not computed"));
    expect(line).toMatchObject({ level: 50, team: TEAM, week: facts.week });
    expect(JSON.stringify(line?.err)).toContain("horizon unreadable");
  });
});
