import { afterEach, describe, expect, it, vi } from "vitest";
import {
  capacityUtilizationChart,
  kpiTrendChart,
  planVsActualChart,
  quickChartUrl,
  SLACK_IMAGE_URL_MAX_LENGTH,
} from "../../src/charts/index.ts";
import { CAPACITY_SAMPLE, KPI_SAMPLE, PLAN_VS_ACTUAL_SAMPLE } from "./fixtures.ts";

/** quickchart-js sends the config as a JavaScript object literal; evaluate it back (test-only). */
function decodeConfig(url: string): unknown {
  const c = new URL(url).searchParams.get("c");
  if (!c) throw new Error("no c parameter");
  return new Function(`return (${c});`)();
}

describe("quickChartUrl", () => {
  afterEach(() => vi.restoreAllMocks());
  const spec = kpiTrendChart(KPI_SAMPLE);

  it("targets quickchart.io's /chart endpoint with Chart.js 4, size, ratio and white background", () => {
    const url = new URL(quickChartUrl(spec, "https://quickchart.io"));
    expect(`${url.origin}${url.pathname}`).toBe("https://quickchart.io/chart");
    expect(url.searchParams.get("v")).toBe("4");
    expect(url.searchParams.get("w")).toBe("800");
    expect(url.searchParams.get("h")).toBe("450");
    expect(url.searchParams.get("devicePixelRatio")).toBe("2");
    expect(url.searchParams.get("bkg")).toBe("#fff");
    expect(url.searchParams.get("f")).toBe("png");
  });

  it.each([
    ["http://localhost:3400", "http://localhost:3400/chart"],
    ["http://localhost:3400/", "http://localhost:3400/chart"],
    ["https://charts.example.internal/quickchart/", "https://charts.example.internal/quickchart/chart"],
    ["charts.example.internal:8443", "https://charts.example.internal:8443/chart"],
  ])("honours the self-hosted base URL %s", (base, endpoint) => {
    const url = new URL(quickChartUrl(spec, base));
    expect(`${url.origin}${url.pathname}`).toBe(endpoint);
  });

  it("rejects base URLs it cannot honour", () => {
    expect(() => quickChartUrl(spec, "ftp://example.com")).toThrow(/scheme/);
    expect(() => quickChartUrl(spec, "https://example.com/?key=1")).toThrow(/query/);
  });

  it.each([
    ["kpi-trend", spec],
    ["plan-vs-actual", planVsActualChart(PLAN_VS_ACTUAL_SAMPLE)],
    ["capacity-utilization", capacityUtilizationChart(CAPACITY_SAMPLE)],
  ])("encodes the whole %s config and stays within Slack's image URL limit", (_name, s) => {
    const url = quickChartUrl(s, "https://quickchart.io");
    expect(decodeConfig(url)).toEqual(s.config);
    expect(url.length).toBeLessThanOrEqual(SLACK_IMAGE_URL_MAX_LENGTH);
  });

  it("makes no network request", () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const url = quickChartUrl(spec, "https://quickchart.io");
    expect(typeof url).toBe("string"); // synchronous: nothing could have been awaited
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
