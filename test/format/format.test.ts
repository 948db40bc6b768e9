/** The one number style and status vocabulary (src/format): signs, precision, money, no "−0". */
import { describe, expect, it } from "vitest";
import {
  decimalsOf,
  formatChange,
  formatDays,
  formatMoney,
  formatPercent,
  formatPoints,
  formatQuantity,
  formatSignedDays,
  formatSignedMoney,
  formatSignedPercent,
  formatSignedQuantity,
  plural,
  precisionOf,
} from "../../src/format/numbers.ts";
import { RAG_LABEL } from "../../src/format/status.ts";

describe("quantities", () => {
  it("use the precision of their inputs, grouping and a real minus", () => {
    expect(formatQuantity(305142.08)).toBe("305,142");
    expect(formatQuantity(16755.9, 1)).toBe("16,755.9");
    expect(formatQuantity(16800, 1)).toBe("16,800");
    expect(formatQuantity(-1246)).toBe("−1,246");
    expect(formatQuantity(-0.4)).toBe("0");
  });

  it("finds the precision of a set of inputs", () => {
    expect(decimalsOf(3)).toBe(0);
    expect(decimalsOf(1.25)).toBe(2);
    expect(decimalsOf(0.1 + 0.2)).toBe(1);
    expect(precisionOf([1, 2, 3])).toBe(0);
    expect(precisionOf(new Float64Array([1, 2.5, 3.75]))).toBe(2);
    expect(precisionOf([Math.PI])).toBe(3);
  });

  it("sign changes, with ±0 for nothing and never −0", () => {
    expect(formatSignedQuantity(3184)).toBe("+3,184");
    expect(formatSignedQuantity(-413)).toBe("−413");
    expect(formatSignedQuantity(0)).toBe("±0");
    expect(formatSignedQuantity(-0.3)).toBe("±0");
    expect(formatSignedQuantity(0.9, 1)).toBe("+0.9");
  });

  it("write a change without nested brackets", () => {
    expect(formatChange(307080, 308326)).toBe("−1,246, −0.4 %");
    expect(formatChange(10, 10)).toBe("±0");
    expect(formatChange(30, 0)).toBe("+30");
  });

  it("count with their noun", () => {
    expect(plural(1, "family", "families")).toBe("1 family");
    expect(plural(1200, "line")).toBe("1,200 lines");
  });
});

describe("percentages, points and days", () => {
  it("have at most one decimal and a real minus", () => {
    expect(formatPercent(0.9312)).toBe("93.1 %");
    expect(formatPercent(0.5)).toBe("50 %");
    expect(formatSignedPercent(0.0444)).toBe("+4.4 %");
    expect(formatSignedPercent(-0.2)).toBe("−20 %");
    expect(formatSignedPercent(0.00001)).toBe("±0 %");
    expect(formatPoints(0.0571)).toBe("+5.7 pts");
    expect(formatPoints(-0.6)).toBe("−60 pts");
    expect(formatPoints(-0.0004)).toBe("±0 pts");
    expect(formatDays(6.93)).toBe("6.9 d");
    expect(formatSignedDays(-0.04)).toBe("±0 d");
  });
});

describe("money", () => {
  it("is whole units of the team's currency, or a plain number without one", () => {
    expect(formatMoney(58069232.7, "EUR")).toBe("EUR 58,069,233");
    expect(formatMoney(58069232.7)).toBe("58,069,233");
    expect(formatMoney(-310.4, "USD")).toBe("−USD 310");
    expect(formatSignedMoney(1200, "EUR")).toBe("+EUR 1,200");
    expect(formatSignedMoney(-310, null)).toBe("−310");
    expect(formatSignedMoney(0.2, "EUR")).toBe("±0");
  });
});

describe("status vocabulary", () => {
  it("has one word per status", () => {
    expect(RAG_LABEL).toEqual({ green: "green", amber: "amber", red: "red", none: "no data" });
  });
});
