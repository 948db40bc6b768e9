/**
 * Authorization of decisions and action items on the server, role × action: logging (the commands,
 * the message shortcut, a forged form submission) only by the cycle's people of this workspace;
 * closing only by the action item's owner, never a decision, never another workspace's item. Every
 * refusal says why, and the stored items and closures are exactly what they were.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { SopItemModel } from "../../src/db/models/sop-item.ts";
import { SopItemClosureModel } from "../../src/db/models/sop-item-closure.ts";
import { logDecisionItem } from "../../src/decisions/log-item.ts";
import { encodeItemMeta, ITEM_IDS } from "../../views/item-ids.ts";
import { as, configureTeam, LEAD, modalErrors, TEAM, textOf } from "../cycle/helpers.ts";
import { useHarness } from "../support/harness.ts";
import { itemFormValues } from "../support/item-form.ts";
import type { Actor } from "../support/slack-driver.ts";

const clock = new ManualClock(new Date("2027-01-05T08:00:00Z"));
const PERIOD = "2027-01";
const OTHER_TEAM = "T0OTHER";
const OUTSIDER = as("U0OUTSIDER");
const NOT_PEOPLE = "Only the people of the 2027-01 cycle";
const NO_CYCLE = "There is no S&OP cycle for 2027-01 yet.";
const NOT_OWNER = "Only the owner of this action item (<@U0SP>) can close it. Nothing changed.";

async function stored() {
  const sort = <T extends { _id: string }>(xs: T[]) => [...xs].sort((a, b) => a._id.localeCompare(b._id));
  return {
    items: sort(await SopItemModel.find({}).lean()),
    closures: sort(await SopItemClosureModel.find({}).lean()),
  };
}

describe("decisions and action items: authorization matrix", () => {
  const h = useHarness("decisions-authz", { clock });
  const ids = { action: "", decision: "" };

  beforeAll(async () => {
    await configureTeam();
    await configureTeam({ team: OTHER_TEAM });
    await startCycle({ teamId: TEAM, period: PERIOD, by: "U0LEAD", at: clock.now() });
    const common = {
      teamId: TEAM,
      period: PERIOD,
      phase: "supply",
      permalink: null,
      source: null,
      by: "U0LEAD",
      at: clock.now(),
    };
    const action = await logDecisionItem({
      ...common,
      kind: "action",
      text: "Book the overtime crew",
      owner: "U0SP",
      dueDate: "2027-01-20",
    });
    const decision = await logDecisionItem({
      ...common,
      kind: "decision",
      text: "Overtime in February",
      owner: null,
      dueDate: null,
    });
    ids.action = action.item.id;
    ids.decision = decision.item.id;
  });

  async function commandReply(actor: Actor, text: string): Promise<string> {
    const { responseId } = await h().driver.command(actor, text);
    return textOf(await h().driver.reply(responseId));
  }
  async function shortcutReply(actor: Actor): Promise<string> {
    const { responseId } = await h().driver.messageShortcut(actor, ITEM_IDS.shortcut, {
      channel: "C0SOP",
      ts: "1799990000.000100",
      text: "We stop line 3",
    });
    return textOf(await h().driver.reply(responseId));
  }
  async function forgedLog(actor: Actor): Promise<string> {
    const { http } = await h().driver.submitView(
      actor,
      {
        callback_id: ITEM_IDS.modal,
        private_metadata: encodeItemMeta({ period: PERIOD, kind: "decision", source: null, permalink: null }),
      },
      itemFormValues({ text: "Forged decision" }) as never,
    );
    return Object.values(modalErrors(http.json)).join(" ");
  }
  async function closeReply(actor: Actor, id: string): Promise<string> {
    const { responseId } = await h().driver.click(
      actor,
      { actionId: ITEM_IDS.close, value: id, blockId: "item_close" },
      { channel: "C0SOP" },
    );
    return textOf(await h().driver.reply(responseId));
  }

  const cases: [string, string, () => Promise<string>, string][] = [
    ["outsider", "/sop decide", () => commandReply(OUTSIDER, "decide We stop line 3"), NOT_PEOPLE],
    ["outsider", "/sop action", () => commandReply(OUTSIDER, "action <@U0SP> 2027-01-20 Do it"), NOT_PEOPLE],
    ["outsider", "the message shortcut", () => shortcutReply(OUTSIDER), NOT_PEOPLE],
    ["outsider", "a forged log submission", () => forgedLog(OUTSIDER), NOT_PEOPLE],
    [
      "lead of another workspace",
      "/sop decide",
      () => commandReply(as("U0LEAD", OTHER_TEAM), "decide x"),
      NO_CYCLE,
    ],
    [
      "lead of another workspace",
      "a forged log submission",
      () => forgedLog(as("U0LEAD", OTHER_TEAM)),
      NO_CYCLE,
    ],
    ["the creator (not owner)", "Close", () => closeReply(LEAD, ids.action), NOT_OWNER],
    ["an executive", "Close", () => closeReply(as("U0CEO"), ids.action), NOT_OWNER],
    ["the approver of its phase", "Close", () => closeReply(as("U0OPS"), ids.action), NOT_OWNER],
    ["outsider", "Close", () => closeReply(OUTSIDER, ids.action), NOT_OWNER],
    [
      "the owner from another workspace",
      "Close of this workspace's item",
      () => closeReply(as("U0SP", OTHER_TEAM), ids.action),
      "not on record in this workspace",
    ],
    [
      "the lead",
      "Close of a decision",
      () => closeReply(LEAD, ids.decision),
      "A decision is on record as it is",
    ],
    [
      "the owner",
      "Close of an id that is no item",
      () => closeReply(as("U0SP"), "T0SIM|x|y"),
      "not on record",
    ],
  ];

  it.each(cases)("%s × %s → refused, nothing changed", async (_who, _what, run, says) => {
    const before = await stored();
    const text = await run();
    expect(text).toContain(says);
    await h().settle();
    expect(await stored()).toEqual(before);
    expect(before.items).toHaveLength(2);
  });

  it("the owner closes it; then nobody can close it again", async () => {
    expect(await closeReply(as("U0SP"), ids.action)).toContain("Closed the action item");
    const before = await stored();
    expect(before.closures).toHaveLength(1);
    expect(await closeReply(as("U0SP"), ids.action)).toContain("was already closed by <@U0SP>");
    expect(await stored()).toEqual(before);
  });
});
