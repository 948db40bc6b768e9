import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecast, forecastWithInfo } from "../../src/forecast/forecast.ts";

const PATTERN = [5, 7, 9, 12, 15, 20, 22, 21, 16, 12, 8, 6];

/** Deterministic pseudo-noise in [−1, 1]. */
function noise(t: number): number {
  const s = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
  return 2 * (s - Math.floor(s)) - 1;
}

function expectClose(actual: number[], expected: number[], relTol: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(relTol * Math.abs(expected[i]!));
  });
}

describe("forecast on series of known structure", () => {
  it("continues a pure linear trend", () => {
    const y = Array.from({ length: 48 }, (_, t) => 100 + 2 * t);
    const expected = Array.from({ length: 12 }, (_, i) => 100 + 2 * (48 + i));
    expectClose(forecast(y, { season: 12, horizon: 12 }), expected, 0.01);
  });

  it("continues a noisy linear trend", () => {
    const y = Array.from({ length: 60 }, (_, t) => 200 + 3 * t + 4 * noise(t));
    const expected = Array.from({ length: 12 }, (_, i) => 200 + 3 * (60 + i));
    expectClose(forecast(y, { season: 12, horizon: 12 }), expected, 0.03);
  });

  it("repeats a pure seasonal pattern", () => {
    const y = Array.from({ length: 48 }, (_, t) => 10 * PATTERN[t % 12]!);
    const r = forecastWithInfo(y, { season: 12, horizon: 24 });
    expect(r.seasonality).toBe("multiplicative");
    expectClose(
      r.forecast,
      Array.from({ length: 24 }, (_, i) => 10 * PATTERN[i % 12]!),
      1e-6,
    );
  });

  it("repeats a noisy seasonal pattern on a rising level", () => {
    const level = (t: number) => 100 + 0.5 * t;
    const y = Array.from(
      { length: 72 },
      (_, t) => level(t) * (PATTERN[t % 12]! / 12.75) * (1 + 0.02 * noise(t)),
    );
    const expected = Array.from({ length: 12 }, (_, i) => level(72 + i) * (PATTERN[i % 12]! / 12.75));
    expectClose(forecast(y, { season: 12, horizon: 12 }), expected, 0.08);
  });

  it("settles near the new level after a level shift", () => {
    const y = Array.from({ length: 60 }, (_, t) => (t < 36 ? 100 : 200) + 2 * noise(t));
    expectClose(forecast(y, { season: 12, horizon: 12 }), new Array(12).fill(200), 0.05);
  });

  it("works unchanged for quarterly data", () => {
    const q = [0.8, 1.1, 1.3, 0.8];
    const y = Array.from({ length: 24 }, (_, t) => 50 * q[t % 4]!);
    expectClose(
      forecast(y, { season: 4, horizon: 8 }),
      Array.from({ length: 8 }, (_, i) => 50 * q[i % 4]!),
      1e-6,
    );
  });
});

describe("forecast edge cases", () => {
  it("a single observation gives a flat forecast", () => {
    expect(forecast([42], { season: 12, horizon: 3 })).toEqual([42, 42, 42]);
  });

  it("two observations and less than two seasons give finite forecasts", () => {
    for (const y of [[42, 44], PATTERN.concat(PATTERN.slice(0, 6))]) {
      const f = forecast(y, { season: 12, horizon: 18 });
      expect(f).toHaveLength(18);
      for (const v of f) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it("all zeros forecast zeros", () => {
    expect(forecast(new Array(30).fill(0), { season: 12, horizon: 4 })).toEqual([0, 0, 0, 0]);
  });

  it("zero horizon is an empty forecast", () => {
    expect(forecast([1, 2, 3], { season: 1, horizon: 0 })).toEqual([]);
  });

  it("a negative value turns off the floor at zero", () => {
    const falling = [50, 40, 30, 20, 10, 0, -10, -20, -30];
    const f = forecast(falling, { season: 1, horizon: 3 });
    expect(f[2]!).toBeLessThan(-30);
    // Demand that was never negative is never forecast negative.
    const f2 = forecast([90, 70, 50, 30, 10, 0, 0], { season: 1, horizon: 6 });
    for (const v of f2) expect(v).toBeGreaterThanOrEqual(0);
  });

  it("NaN holes are imputed, not propagated", () => {
    const y = [10, 11, Number.NaN, 13, 14, Number.NaN, Number.NaN, 17, 18, 19];
    expectClose(forecast(y, { season: 12, horizon: 3 }), [20, 21, 22], 0.01);
    expectClose(
      forecast([Number.NaN, Number.NaN, 5, 5, Number.NaN], { season: 12, horizon: 2 }),
      [5, 5],
      1e-6,
    );
  });

  it("rejects a history without observations and invalid options", () => {
    expect(() => forecast([], { season: 12, horizon: 3 })).toThrow(RangeError);
    expect(() => forecast([Number.NaN], { season: 12, horizon: 3 })).toThrow(RangeError);
    expect(() => forecast([1, 2], { season: 0, horizon: 3 })).toThrow(RangeError);
    expect(() => forecast([1, 2], { season: 12, horizon: 1.5 })).toThrow(RangeError);
  });

  it("fixed methods are available for comparison", () => {
    const y = Array.from({ length: 36 }, (_, t) => 10 * PATTERN[t % 12]!);
    expect(forecast(y, { season: 12, horizon: 3, method: "snaive" })).toEqual([50, 70, 90]);
    const r = forecastWithInfo(y, { season: 12, horizon: 3, method: "comb" });
    expect(r.weights).toEqual({ ses: 1 / 3, damped: 1 / 3, theta: 1 / 3 });
  });

  it("combination weights sum to 1", () => {
    const y = Array.from({ length: 50 }, (_, t) => 100 + 10 * noise(t));
    const r = forecastWithInfo(y, { season: 12, horizon: 6 });
    const total = Object.values(r.weights).reduce((a, b) => a + b!, 0);
    expect(total).toBeCloseTo(1, 12);
    expect(Object.keys(r.scores)).toHaveLength(6);
  });

  it("always returns `horizon` finite values for arbitrary finite histories", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(Number.NaN)), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.constantFrom(1, 4, 12),
        fc.integer({ min: 0, max: 20 }),
        (history, season, horizon) => {
          fc.pre(history.some((v) => !Number.isNaN(v)));
          const f = forecast(history, { season, horizon });
          expect(f).toHaveLength(horizon);
          for (const v of f) expect(Number.isFinite(v)).toBe(true);
          if (history.every((v) => Number.isNaN(v) || v >= 0))
            for (const v of f) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
