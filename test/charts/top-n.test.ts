import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topN } from "../../src/charts/index.ts";

describe("topN", () => {
  it("matches a stable descending sort cut at n", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: 0, max: 20 }), (xs, n) => {
        const items = xs.map((score, id) => ({ id, score }));
        const expected = [...items].sort((a, b) => b.score - a.score).slice(0, n);
        expect(topN(items, n, (i) => i.score)).toEqual(expected);
      }),
    );
  });

  it("ranks non-finite scores last and does not mutate the input", () => {
    const items = [Number.NaN, 3, Number.POSITIVE_INFINITY, 5];
    const copy = [...items];
    expect(topN(items, 3, (x) => x)).toEqual([5, 3, Number.NaN]);
    expect(items).toEqual(copy);
  });
});
