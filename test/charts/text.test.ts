import { describe, expect, it } from "vitest";
import { slug, truncate } from "../../src/charts/text.ts";

describe("truncate", () => {
  it("keeps short text and cuts long text to the limit with an ellipsis", () => {
    expect(truncate("Tea bags", 24)).toBe("Tea bags");
    expect(truncate("Frozen pizza 12in family pack", 24)).toBe("Frozen pizza 12in famil…");
    expect(Array.from(truncate("Frozen pizza 12in family pack", 24))).toHaveLength(24);
  });

  it("never splits a character made of two UTF-16 units", () => {
    expect(truncate("🍕🍕🍕🍕🍕", 3)).toBe("🍕🍕…");
  });
});

describe("slug", () => {
  it("makes file-name-safe ids", () => {
    expect(slug("Plan vs actual — Crème brûlée (EU)")).toBe("plan-vs-actual-creme-brulee-eu");
    expect(slug("—")).toBe("chart");
  });
});
