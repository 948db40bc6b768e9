/** The plain-text fallback of a notice: formatting marks removed, error codes and emoji codes kept whole. */
import { describe, expect, it } from "vitest";
import { notice } from "../../views/notice.ts";
import { mrkdwnToPlain } from "../../views/text.ts";

describe("mrkdwnToPlain", () => {
  it("removes bold, italic, strike and code marks", () => {
    expect(mrkdwnToPlain("Stored *v1* of *Demand review*, _draft_, ~old~, see `/sop status`.")).toBe(
      "Stored v1 of Demand review, draft, old, see /sop status.",
    );
    expect(mrkdwnToPlain("*_both_* and ```block```")).toBe("both and block");
  });

  it("keeps underscores and asterisks inside words: error codes, emoji codes, arithmetic", () => {
    expect(mrkdwnToPlain("the kickoff message (channel_not_found, ref 3kwxj6)")).toBe(
      "the kickoff message (channel_not_found, ref 3kwxj6)",
    );
    expect(mrkdwnToPlain(":inbox_tray: Stored *v1*; :white_check_mark: 2*3 = 6")).toBe(
      ":inbox_tray: Stored v1; :white_check_mark: 2*3 = 6",
    );
    expect(mrkdwnToPlain("snake_case_name and a * b * c")).toBe("snake_case_name and a * b * c");
  });

  it("is what a notice sends as its text, while the block keeps the mrkdwn", () => {
    const m = notice(
      ":warning: some Slack messages could not be sent: the kickoff message (channel_not_found).",
    );
    expect(m.text).toContain("(channel_not_found)");
    expect(m.text).toContain(":warning:");
    expect(JSON.stringify(m.blocks)).toContain("(channel_not_found)");
  });
});
