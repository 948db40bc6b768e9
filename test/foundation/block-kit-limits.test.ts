/** The stand-in's Block Kit checks: each documented limit a builder could reach is refused, as Slack does. */
import { describe, expect, it } from "vitest";
import { checkMessage, checkView } from "../support/block-kit-limits.ts";

const pt = (text: string) => ({ type: "plain_text", text });
const md = (text: string) => ({ type: "mrkdwn", text });
const section = (text: string) => ({ type: "section", text: md(text) });
const msg = (blocks: unknown[], text = "fallback") => checkMessage({ text, blocks });
const modal = (extra: Record<string, unknown>) =>
  checkView({ type: "modal", title: pt("Title"), blocks: [], ...extra });
const button = (extra: Record<string, unknown> = {}) => ({
  type: "button",
  action_id: "a",
  text: pt("Go"),
  ...extra,
});
const select = (options: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "input",
  label: pt("Pick"),
  element: { type: "static_select", action_id: "s", options, ...extra },
});
const option = (value: string, label = "x") => ({ text: pt(label), value });

describe("Block Kit limits", () => {
  it("accepts a well-formed message and modal", () => {
    expect(msg([section("hello"), { type: "actions", elements: [button()] }])).toEqual([]);
    expect(modal({ submit: pt("Save"), blocks: [select([option("a")])] })).toEqual([]);
  });

  it.each([
    ["51 blocks", () => msg(Array.from({ length: 51 }, () => section("x"))), "no more than 50 items"],
    ["section text over 3,000", () => msg([section("x".repeat(3001))]), "must be less than 3001 characters"],
    [
      "11 section fields",
      () => msg([{ type: "section", fields: Array.from({ length: 11 }, () => md("f")) }]),
      "at most 10 items",
    ],
    ["a header in mrkdwn", () => msg([{ type: "header", text: md("Title") }]), "must be a plain_text object"],
    ["header over 150", () => msg([{ type: "header", text: pt("x".repeat(151)) }]), "at most 150 characters"],
    [
      "11 context elements",
      () => msg([{ type: "context", elements: Array.from({ length: 11 }, () => md("c")) }]),
      "at most 10 items",
    ],
    [
      "26 actions",
      () =>
        msg([
          { type: "actions", elements: Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })) },
        ]),
      "at most 25 items",
    ],
    [
      "button text over 75",
      () => msg([{ type: "actions", elements: [button({ text: pt("x".repeat(76)) })] }]),
      "at most 75 characters",
    ],
    [
      "button text in mrkdwn",
      () => msg([{ type: "actions", elements: [button({ text: md("Go") })] }]),
      "must be a plain_text object",
    ],
    [
      "duplicate action ids in a block",
      () => msg([{ type: "actions", elements: [button(), button()] }]),
      "duplicate action_id a",
    ],
    [
      "duplicate block ids",
      () =>
        msg([
          { ...section("a"), block_id: "b" },
          { ...section("b"), block_id: "b" },
        ]),
      "duplicate block_id b",
    ],
    ["blocks without a text fallback", () => msg([section("x")], ""), "text is required as the fallback"],
    [
      "101 options",
      () =>
        modal({
          submit: pt("Save"),
          blocks: [select(Array.from({ length: 101 }, (_, i) => option(`v${i}`)))],
        }),
      "at most 100 items",
    ],
    [
      "option value over 150",
      () => modal({ submit: pt("Save"), blocks: [select([option("v".repeat(151))])] }),
      "value must be 1-150 characters",
    ],
    [
      "option text over 75",
      () => modal({ submit: pt("Save"), blocks: [select([option("v", "t".repeat(76))])] }),
      "at most 75 characters",
    ],
    [
      "placeholder over 150",
      () =>
        modal({ submit: pt("Save"), blocks: [select([option("v")], { placeholder: pt("p".repeat(151)) })] }),
      "placeholder must be at most 150",
    ],
    [
      "input label in mrkdwn",
      () => modal({ submit: pt("Save"), blocks: [{ ...select([option("v")]), label: md("Pick") }] }),
      "label must be a plain_text object",
    ],
    ["modal title over 24", () => modal({ title: pt("t".repeat(25)) }), "must be less than 25 characters"],
    [
      "modal with inputs and no submit",
      () => modal({ blocks: [select([option("v")])] }),
      "view.submit required",
    ],
    ["private_metadata over 3,000", () => modal({ private_metadata: "m".repeat(3001) }), "private_metadata"],
    [
      "image without alt text",
      () => msg([{ type: "image", image_url: "https://x/y.png", alt_text: "" }]),
      "alt_text must be 1-2000",
    ],
  ])("refuses %s", (_what, check, says) => {
    expect(check().join("\n")).toContain(says);
  });
});
