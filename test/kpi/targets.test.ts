/** Direction-aware RAG status and how targets read. */
import { describe, expect, it } from "vitest";
import { formatKpiDelta, formatKpiValue, formatTarget } from "../../src/kpi/catalog.ts";
import { summarizeKpis } from "../../src/kpi/kpi-summary.ts";
import { ragStatus, targetsFor } from "../../src/kpi/targets.ts";
import { parseTeamConfig } from "../../src/team/team-config.ts";

const defaults = targetsFor(null);

describe("RAG status", () => {
  it("higher is better: green at target, amber down to the amber threshold, red below", () => {
    expect(ragStatus("onTimeDelivery", 0.95, defaults)).toBe("green");
    expect(ragStatus("onTimeDelivery", 0.9499, defaults)).toBe("amber");
    expect(ragStatus("onTimeDelivery", 0.9, defaults)).toBe("amber");
    expect(ragStatus("onTimeDelivery", 0.8999, defaults)).toBe("red");
    expect(ragStatus("planAdherence", 1, defaults)).toBe("green");
  });

  it("lower is better for MAPE and cycle time; bias is judged by its size", () => {
    expect(ragStatus("mape", 0.2, defaults)).toBe("green");
    expect(ragStatus("mape", 0.25, defaults)).toBe("amber");
    expect(ragStatus("mape", 0.31, defaults)).toBe("red");
    expect(ragStatus("cycleTime", 7, defaults)).toBe("green");
    expect(ragStatus("cycleTime", 10, defaults)).toBe("amber");
    expect(ragStatus("cycleTime", 10.5, defaults)).toBe("red");
    expect(ragStatus("forecastBias", -0.04, defaults)).toBe("green");
    expect(ragStatus("forecastBias", -0.08, defaults)).toBe("amber");
    expect(ragStatus("forecastBias", 0.08, defaults)).toBe("amber");
    expect(ragStatus("forecastBias", -0.2, defaults)).toBe("red");
  });

  it("bands: green inside, amber in the outer band, red outside", () => {
    expect(ragStatus("daysOfSupply", 30, defaults)).toBe("green");
    expect(ragStatus("daysOfSupply", 12, defaults)).toBe("amber");
    expect(ragStatus("daysOfSupply", 50, defaults)).toBe("amber");
    expect(ragStatus("daysOfSupply", 9, defaults)).toBe("red");
    expect(ragStatus("daysOfSupply", 61, defaults)).toBe("red");
    expect(ragStatus("capacityUtilization", 1.01, defaults)).toBe("red");
    expect(ragStatus("capacityUtilization", 0.97, defaults)).toBe("amber");
  });

  it("no data is 'none', never red", () => {
    expect(ragStatus("onTimeDelivery", null, defaults)).toBe("none");
    expect(ragStatus("daysOfSupply", null, defaults)).toBe("none");
  });

  it("uses the team's configured targets, defaults for the rest", () => {
    const parsed = parseTeamConfig({
      team: "T0RAG",
      admins: ["U0LEAD"],
      channels: { sop: "C0SOP", exec: "C0EXEC" },
      phases: [{ id: "data", name: "Data", owners: ["U0A"], approvers: ["U0LEAD"], dueDay: 3 }],
      kpis: { onTimeDelivery: { target: 0.98, amber: 0.96 }, daysOfSupply: { min: 10, max: 20 } },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const t = targetsFor(parsed.config);
    expect(ragStatus("onTimeDelivery", 0.97, t)).toBe("amber");
    expect(ragStatus("onTimeDelivery", 0.95, t)).toBe("red");
    // No amber band given: outside [10, 20] is red at once.
    expect(ragStatus("daysOfSupply", 21, t)).toBe("red");
    expect(ragStatus("mape", 0.25, t)).toBe("amber");
  });
});

describe("formatting", () => {
  it("reads values, targets and changes as people expect", () => {
    expect(formatKpiValue("onTimeDelivery", 0.9312)).toBe("93.1 %");
    expect(formatKpiValue("forecastBias", 0.042)).toBe("+4.2 %");
    expect(formatKpiValue("forecastBias", -0.042)).toBe("−4.2 %");
    expect(formatKpiValue("daysOfSupply", 24.75)).toBe("24.8 d");
    expect(formatKpiValue("mape", null)).toBe("no data");
    expect(formatTarget("onTimeDelivery", defaults)).toBe("≥ 95 %");
    expect(formatTarget("forecastBias", defaults)).toBe("|bias| ≤ 5 %");
    expect(formatTarget("cycleTime", defaults)).toBe("≤ 7 d");
    expect(formatTarget("daysOfSupply", defaults)).toBe("20–45 d");
    expect(formatTarget("capacityUtilization", defaults)).toBe("75–95 %");
    expect(formatKpiDelta("onTimeDelivery", 0.93, 0.918)).toBe("+1.2 pts");
    expect(formatKpiDelta("cycleTime", 6.5, 7)).toBe("−0.5 d");
    expect(formatKpiDelta("cycleTime", 7, 7)).toBe("±0 d");
    expect(formatKpiDelta("mape", 0.2, null)).toBeNull();
  });

  it("summarises every KPI in the definitions' order", () => {
    const rows = summarizeKpis(
      {
        forecastAccuracy: 0.82,
        forecastBias: null,
        mape: 0.18,
        onTimeDelivery: 0.91,
        serviceLevel: 0.97,
        planAdherence: 0.85,
        cycleTime: { mean: 6.25, median: 6, p90: 9.5 },
        capacityUtilization: 0.8,
        daysOfSupply: 70,
      },
      null,
      defaults,
    );
    expect(rows.map((r) => [r.kpi, r.status])).toEqual([
      ["forecastAccuracy", "green"],
      ["forecastBias", "none"],
      ["mape", "green"],
      ["onTimeDelivery", "amber"],
      ["serviceLevel", "green"],
      ["planAdherence", "amber"],
      ["cycleTime", "green"],
      ["capacityUtilization", "green"],
      ["daysOfSupply", "red"],
    ]);
    expect(rows[6]).toMatchObject({ display: "6.3 d mean", detail: "median 6 d · p90 9.5 d" });
  });
});
