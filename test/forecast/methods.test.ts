import { describe, expect, it } from "vitest";
import { fitHolt, holtDamped, holtLinear } from "../../src/forecast/holt.ts";
import { impute } from "../../src/forecast/impute.ts";
import { naive, seasonalNaive } from "../../src/forecast/naive.ts";
import { goldenSection, nelderMead } from "../../src/forecast/optim.ts";
import {
  acf,
  centredMovingAverage,
  decompose,
  deseasonalise,
  detectSeasonality,
  isSeasonal,
  reseasonalise,
} from "../../src/forecast/seasonality.ts";
import { fitSes, ses } from "../../src/forecast/ses.ts";
import { fitTheta, theta } from "../../src/forecast/theta.ts";

const PATTERN = [5, 7, 9, 12, 15, 20, 22, 21, 16, 12, 8, 6];

/** Deterministic pseudo-noise in [−1, 1] (no Math.random, so tests are repeatable). */
function noise(t: number): number {
  const s = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
  return 2 * (s - Math.floor(s)) - 1;
}

describe("optimisers", () => {
  it("golden section finds a parabola's minimum, including at a bound", () => {
    expect(goldenSection((x) => (x - 0.3) ** 2, 0, 1).x).toBeCloseTo(0.3, 3);
    expect(goldenSection((x) => -x, 0, 1).x).toBe(1);
  });

  it("Nelder–Mead minimises a 2-D quadratic", () => {
    const r = nelderMead((x) => (x[0]! - 1) ** 2 + 10 * (x[1]! + 2) ** 2, [0, 0], { maxIter: 500 });
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(-2, 3);
  });
});

describe("seasonality", () => {
  it("computes the autocorrelation of an alternating series", () => {
    const r = acf([1, -1, 1, -1, 1, -1], 2);
    expect(r[0]).toBeCloseTo(-5 / 6, 10);
    expect(r[1]).toBeCloseTo(4 / 6, 10);
  });

  it("centred 2×12 moving average of a line is the line", () => {
    const ma = centredMovingAverage(
      Array.from({ length: 30 }, (_, t) => 3 + 2 * t),
      12,
    );
    expect(Number.isNaN(ma[5]!)).toBe(true);
    expect(ma[6]).toBeCloseTo(15, 10);
    expect(ma[23]).toBeCloseTo(49, 10);
    expect(Number.isNaN(ma[24]!)).toBe(true);
  });

  it("detects a repeating pattern and recovers its multiplicative indices", () => {
    const y = Array.from({ length: 48 }, (_, t) => PATTERN[t % 12]!);
    expect(isSeasonal(y, 12)).toBe(true);
    const avg = PATTERN.reduce((a, b) => a + b, 0) / 12;
    decompose(y, 12, "multiplicative").forEach((v, k) => {
      expect(v).toBeCloseTo(PATTERN[k]! / avg, 10);
    });
    const s = detectSeasonality(y, 12);
    expect(s.mode).toBe("multiplicative");
    const adj = deseasonalise(y, s);
    for (const v of adj) expect(v).toBeCloseTo(avg, 8);
    expect(reseasonalise([avg, avg], 48, s)[1]).toBeCloseTo(PATTERN[1]!, 8);
  });

  it("uses additive indices when the data has zeros or negatives", () => {
    const y = Array.from({ length: 48 }, (_, t) => PATTERN[t % 12]! - 10);
    const s = detectSeasonality(y, 12);
    expect(s.mode).toBe("additive");
    expect(s.indices[6]).toBeCloseTo(22 - 12.75, 8);
  });

  it("finds no seasonality in noise, in constants or with fewer than two seasons", () => {
    expect(
      isSeasonal(
        Array.from({ length: 60 }, (_, t) => 100 + noise(t)),
        12,
      ),
    ).toBe(false);
    expect(detectSeasonality(new Array(40).fill(7), 12).mode).toBe("none");
    expect(isSeasonal(PATTERN.concat(PATTERN.slice(0, 11)), 12)).toBe(false);
    expect(isSeasonal(PATTERN.concat(PATTERN), 1)).toBe(false);
  });
});

describe("smoothing methods", () => {
  it("SES of a constant series is that constant", () => {
    expect(ses([4, 4, 4, 4], 3)).toEqual([4, 4, 4]);
    expect(fitSes([4, 4, 4, 4]).sse).toBeCloseTo(0, 10);
  });

  it("SES with alpha fixed at 1 forecasts the last value", () => {
    expect(fitSes([1, 5, 2, 9], 1).level).toBeCloseTo(9, 10);
  });

  it("SES tracks a level shift with a high alpha", () => {
    const fit = fitSes([10, 10, 10, 10, 10, 50, 50, 50, 50, 50]);
    expect(fit.alpha).toBeGreaterThan(0.9);
    expect(fit.level).toBeCloseTo(50, 1);
  });

  it("Holt's linear method continues an exact line", () => {
    const y = Array.from({ length: 20 }, (_, t) => 5 + 3 * t);
    const f = holtLinear(y, 4);
    f.forEach((v, i) => {
      expect(v).toBeCloseTo(5 + 3 * (20 + i), 4);
    });
    expect(fitHolt(y, false).sse).toBeCloseTo(0, 6);
  });

  it("damped Holt bends an exact line towards flat (phi ≤ 0.98)", () => {
    const y = Array.from({ length: 20 }, (_, t) => 5 + 3 * t);
    const f = holtDamped(y, 12);
    const fit = fitHolt(y, true);
    expect(fit.phi).toBeLessThanOrEqual(0.98);
    expect(f[0]!).toBeGreaterThan(y[19]!);
    expect(f[11]!).toBeLessThan(5 + 3 * 31);
    expect(f[11]! - f[10]!).toBeLessThan(f[1]! - f[0]!);
  });

  it("classic Theta on an exact line is half the trend line plus half the last value", () => {
    // The θ = 2 line of an exact line is the line itself, whose SES (α → 1) is its last value.
    const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const fit = fitTheta(y);
    expect(fit.slope).toBeCloseTo(2, 10);
    expect(fit.intercept).toBeCloseTo(10, 10);
    theta(y, 3).forEach((v, i) => {
      expect(v).toBeCloseTo(0.5 * (10 + 2 * (30 + i)) + 0.5 * 68, 2);
    });
  });

  it("methods cope with one and two observations", () => {
    expect(ses([7], 2)).toEqual([7, 7]);
    expect(holtDamped([7], 2)).toEqual([7, 7]);
    expect(holtDamped([7, 9], 2)).toEqual([9, 9]);
    expect(theta([7], 2)).toEqual([7, 7]);
    for (const v of theta([7, 9], 2)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe("naive methods", () => {
  it("repeat the last value or the last season", () => {
    expect(naive([1, 2, 3], 2)).toEqual([3, 3]);
    expect(seasonalNaive([1, 2, 3, 4, 5, 6], 4, 6)).toEqual([3, 4, 5, 6, 3, 4]);
    expect(seasonalNaive([1, 2], 4, 2)).toEqual([2, 2]);
  });
});

describe("impute", () => {
  it("drops leading gaps, interpolates interior ones and carries the last value forward", () => {
    expect(impute([Number.NaN, 1, Number.NaN, 3, Number.NaN], 1)).toEqual([1, 2, 3, 3]);
    expect(impute([1, Number.POSITIVE_INFINITY, 5], 1)).toEqual([1, 3, 5]);
  });

  it("fills a gap in a seasonal series on the seasonal pattern", () => {
    const y = Array.from({ length: 48 }, (_, t) => PATTERN[t % 12]! * 10);
    const holed = y.slice();
    holed[30] = Number.NaN; // a July (index 6): 220, between 200 and 210
    holed[31] = Number.NaN;
    const filled = impute(holed, 12);
    // A plain linear fill would give 206.7 and 203.3.
    expect(Math.abs(filled[30]! - 220)).toBeLessThan(1);
    expect(Math.abs(filled[31]! - 210)).toBeLessThan(1);
  });

  it("refuses a history with nothing observed", () => {
    expect(() => impute([Number.NaN, Number.NaN], 12)).toThrow(RangeError);
    expect(() => impute([], 12)).toThrow(RangeError);
  });
});
