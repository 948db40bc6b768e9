/**
 * Decisions and action items, the pure parts: checks with field-named problems, the deterministic id
 * (the same item logged twice is one), the slash-command words, who may log and close, and the
 * once-a-day reminder rules.
 */
import { describe, expect, it } from "vitest";
import { newCycleState } from "../../src/cycle/cycle-state.ts";
import { mayLog, requireMayClose } from "../../src/decisions/access.ts";
import { actionRemindersFor } from "../../src/decisions/action-reminders.ts";
import {
  checkNewItem,
  currentPhaseId,
  itemId,
  type NewItemInput,
  newItem,
} from "../../src/decisions/new-item.ts";
import { parseItemText } from "../../src/decisions/parse-text.ts";
import { parseTeamConfig, type TeamConfig } from "../../src/team/team-config.ts";
import {
  actionAssignedDm,
  actionReminderMessage,
  itemLogMessage,
  OPEN_ITEMS_SHOWN,
  openItemsBlocks,
} from "../../views/item-log.ts";
import { checkMessage } from "../support/block-kit-limits.ts";

const parsed = parseTeamConfig({
  team: "T0DEC",
  timezone: "Europe/Berlin",
  admins: ["U0LEAD"],
  executives: ["U0CEO"],
  channels: { sop: "C0SOP", exec: "C0EXEC" },
  phases: [
    { id: "supply", name: "Supply review", owners: ["U0SP"], approvers: ["U0OPS"], dueDay: 12 },
    { id: "exec", name: "Executive S&OP", owners: ["U0LEAD"], approvers: ["U0CEO"], dueDay: 22 },
  ],
});
if (!parsed.ok) throw new Error(parsed.errors.join("; "));
const cfg: TeamConfig = parsed.config;
const cycle = newCycleState(cfg, "2026-12", "U0LEAD", new Date("2026-12-01T08:00:00Z"));

const input = (over: Partial<NewItemInput> = {}): NewItemInput => ({
  teamId: "T0DEC",
  cycle,
  kind: "action",
  text: "Book overtime crew for line 2",
  owner: "U0OPS",
  dueDate: "2026-12-22",
  phase: "supply",
  permalink: null,
  source: null,
  by: "U0LEAD",
  at: new Date("2026-12-16T10:00:00Z"),
  today: "2026-12-16",
  ...over,
});

describe("a new item", () => {
  it("names every problem by field", () => {
    expect(checkNewItem(input())).toEqual({});
    expect(checkNewItem(input({ text: "  ", owner: null, dueDate: null, phase: "nope" }))).toEqual({
      text: "Write what was decided or what is to be done.",
      owner: "An action item needs an owner.",
      dueDate: "An action item needs a due date.",
      phase: 'The 2026-12 cycle has no phase "nope".',
    });
    expect(checkNewItem(input({ dueDate: "2026-12-15" })).dueDate).toBe(
      "2026-12-15 is in the past (today is 2026-12-16).",
    );
    expect(checkNewItem(input({ dueDate: "2026-02-30" })).dueDate).toContain("is not a date");
    // A decision needs neither owner nor due date.
    expect(checkNewItem(input({ kind: "decision", owner: null, dueDate: null }))).toEqual({});
  });

  it("gets the same id for the same item and a different one otherwise", () => {
    expect(itemId(input())).toBe(itemId(input({ by: "U0SP", at: new Date() })));
    expect(itemId(input())).not.toBe(itemId(input({ text: "Book overtime crew for line 3" })));
    expect(itemId(input())).toMatch(/^T0DEC\|2026-12\|[0-9a-f]{16}$/);
    const d = newItem(input({ kind: "decision", owner: null, dueDate: "2026-12-30" }));
    expect(d).toMatchObject({ status: "closed", dueDate: null, phaseName: "Supply review" });
    expect(newItem(input())).toMatchObject({ status: "open", owner: "U0OPS", dueDate: "2026-12-22" });
  });

  it("defaults to the phase open now", () => {
    expect(currentPhaseId(cycle)).toBe("supply");
  });
});

describe("command words", () => {
  it("reads an escaped mention, a due date and the text", () => {
    expect(parseItemText("<@U0OPS|omar> 2027-01-15 book the crew")).toEqual({
      owner: "U0OPS",
      dueDate: "2027-01-15",
      text: "book the crew",
    });
    expect(parseItemText("just text")).toEqual({ owner: null, dueDate: null, text: "just text" });
  });
});

describe("who may log and close", () => {
  it("lets the cycle's people log, nobody else", () => {
    for (const u of ["U0LEAD", "U0CEO", "U0SP", "U0OPS"]) expect(mayLog(cfg, cycle, u)).toBe(true);
    expect(mayLog(cfg, cycle, "U0STRANGER")).toBe(false);
  });

  it("lets only the owner close an action item, and no one a decision", () => {
    const action = newItem(input());
    expect(() => requireMayClose(action, "U0OPS")).not.toThrow();
    expect(() => requireMayClose(action, "U0LEAD")).toThrow(
      /Only the owner of this action item \(<@U0OPS>\)/,
    );
    const decision = newItem(input({ kind: "decision" }));
    expect(() => requireMayClose(decision, "U0OPS")).toThrow(/only action items are closed/);
  });
});

describe("action reminders", () => {
  const items = [
    newItem(input({ text: "due tomorrow", dueDate: "2026-12-17" })),
    newItem(input({ text: "due later", dueDate: "2026-12-30" })),
    newItem(input({ text: "late", dueDate: "2026-12-16", today: "2026-12-16" })),
    { ...newItem(input({ text: "closed", dueDate: "2026-12-16" })), status: "closed" as const },
  ];
  it("reminds the owner within 48 h and daily when overdue, and tells the process lead", () => {
    // 18 Dec, 09:00 in Berlin.
    const r = actionRemindersFor(items, cfg, new Date("2026-12-18T08:00:00Z"));
    expect(r.map((x) => [x.kind, x.item.text, x.to, x.overdueDays])).toEqual([
      ["action_overdue", "due tomorrow", "U0OPS", 1],
      ["action_escalation", "due tomorrow", "U0LEAD", 1],
      ["action_overdue", "late", "U0OPS", 2],
      ["action_escalation", "late", "U0LEAD", 2],
    ]);
    const early = actionRemindersFor(items, cfg, new Date("2026-12-16T08:00:00Z"));
    expect(early.map((x) => [x.kind, x.item.text])).toEqual([
      ["action_due_soon", "due tomorrow"],
      ["action_due_soon", "late"],
    ]);
    // Keys are per item, kind, recipient and local day.
    expect(r[0]!.key).toBe(`T0DEC|action|${items[0]!.id}|action_overdue|U0OPS|2026-12-18`);
  });
});

describe("decision and action messages within Block Kit limits", () => {
  const long = "Rebalance the line 2 plan ".repeat(80).slice(0, 2000);
  const many = Array.from({ length: 5000 }, (_, i) =>
    newItem(input({ text: `${long} ${i}`, dueDate: i % 2 ? "2026-12-17" : "2026-12-22", source: `C1|${i}` })),
  );

  it("lists 5,000 open action items as a few lines and a count", () => {
    const blocks = openItemsBlocks(many, "2026-12-20");
    expect(checkMessage({ text: "open items", blocks })).toEqual([]);
    expect(blocks).toHaveLength(1);
    const text = JSON.stringify(blocks);
    expect(text).toContain("*Open action items* (5,000)");
    expect(text).toContain(`…and ${(5000 - OPEN_ITEMS_SHOWN).toLocaleString("en-US")} more`);
    expect(text).toContain("3 days overdue"); // due the 17th, seen on the 20th: first by due date
  });

  it("keeps the log message, the owner's DM and every reminder of a 2,000-character item valid", () => {
    const item = many[0]!;
    expect(checkMessage({ ...itemLogMessage(item, "Europe/Berlin") })).toEqual([]);
    expect(
      checkMessage({
        ...itemLogMessage({ ...item, status: "closed", closedBy: "U0OPS", closedAt: new Date() }, "UTC"),
      }),
    ).toEqual([]);
    expect(checkMessage({ ...actionAssignedDm(item, "https://x.slack.com/archives/C1/p1") })).toEqual([]);
    for (const r of actionRemindersFor([item], cfg, new Date("2026-12-23T08:00:00Z")))
      expect(checkMessage({ ...actionReminderMessage(r) })).toEqual([]);
  });
});
