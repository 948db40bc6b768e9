import { describe, expect, it } from "vitest";
import { mase, maseScale, smape } from "../../src/forecast/metrics.ts";

describe("smape", () => {
  it("matches a hand computation", () => {
    // 200·|100−110|/210 = 9.5238…, 200·|50−40|/90 = 22.2222…, 200·0/40 = 0 → mean 10.5820…
    expect(smape([100, 50, 20], [110, 40, 20])).toBeCloseTo((2000 / 210 + 2000 / 90 + 0) / 3, 10);
    expect(smape([100, 50, 20], [110, 40, 20])).toBeCloseTo(10.582011, 5);
  });

  it("is 200 when one side is zero and 0 when both are", () => {
    expect(smape([0, 5], [3, 0])).toBe(200);
    expect(smape([0, 0], [0, 0])).toBe(0);
  });

  it("rejects arrays of different lengths", () => {
    expect(() => smape([1, 2], [1])).toThrow(RangeError);
  });
});

describe("mase", () => {
  it("scales by the in-sample seasonal naive MAE", () => {
    // m = 2, in-sample [1, 3, 2, 6]: |2−1| = 1, |6−3| = 3 → scale 2.
    expect(maseScale([1, 3, 2, 6], 2)).toBe(2);
    // forecast errors |5−4| = 1, |8−5| = 3 → MAE 2 → MASE 1.
    expect(mase([1, 3, 2, 6], [4, 8], [5, 5], 2)).toBe(1);
  });

  it("falls back to lag 1 when the history is not longer than one season", () => {
    // lag-1 diffs of [1, 4, 6]: 3, 2 → 2.5.
    expect(maseScale([1, 4, 6], 12)).toBe(2.5);
    expect(mase([1, 4, 6], [10], [5], 12)).toBe(2);
  });

  it("is infinite on a constant history with a wrong forecast", () => {
    expect(mase([3, 3, 3], [3], [4], 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
