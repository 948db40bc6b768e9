/**
 * Decisions and action items over signed HTTP, the stand-in and the real database: `/sop decide`,
 * `/sop action` and the message shortcut open the log form (only for the cycle's people, checked again
 * on submit); Log stores one item, posts the log message and tells the owner; only the owner closes an
 * action item, and of concurrent closes exactly one is recorded; the open ones show in `/sop status`,
 * App Home and the digest; reminders go out once per day.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { remindersJob } from "../../jobs/reminders.ts";
import { ManualClock } from "../../src/clock.ts";
import { JobRunModel } from "../../src/db/models/job-run.ts";
import { SopItemClosureModel } from "../../src/db/models/sop-item-closure.ts";
import { createLogger } from "../../src/logger.ts";
import { Scheduler } from "../../src/schedule/scheduler.ts";
import { cycleItems } from "../../src/store/decision-items.ts";
import { findRun } from "../../src/store/job-runs.ts";
import { ITEM_IDS, ITEM_INPUTS } from "../../views/item-ids.ts";
import {
  as,
  clickButton,
  command,
  configureTeam,
  dmsTo,
  LEAD,
  modalErrors,
  openModal,
  submitModal,
  TEAM,
  textOf,
} from "../cycle/helpers.ts";
import { useHarness } from "../support/harness.ts";
import { itemFormValues } from "../support/item-form.ts";
import type { Actor } from "../support/slack-driver.ts";
import type { PostedMessage } from "../support/slack-standin.ts";

const clock = new ManualClock(new Date("2027-01-05T08:00:00Z"));
const PERIOD = "2027-01";
const SP = as("U0SP");
const OPS = as("U0OPS");
const CEO = as("U0CEO");
const OUTSIDER = as("U0OUTSIDER");

describe("decisions and action items in Slack", () => {
  const h = useHarness("decisions-slack", { clock });
  const items = () => cycleItems(TEAM, PERIOD);
  const logMessageOf = (text: string): PostedMessage => {
    const m = h()
      .standIn.messagesIn("C0SOP")
      .find((x) => textOf(x.blocks).includes(text));
    if (!m) throw new Error(`no log message for "${text}"`);
    return m;
  };
  /** What the app told `userId` privately (DMs and ephemeral messages). */
  const toldTo = (userId: string) =>
    textOf(h().standIn.messages.filter((m) => m.channel === `D${userId}` || m.ephemeralTo === userId));

  async function logAction(by: Actor, text: string, owner: string, due: string): Promise<PostedMessage> {
    const opened = await openModal(h(), by, "action");
    expect(await submitModal(h(), by, opened, itemFormValues({ text, owner, due }))).toBeNull();
    return logMessageOf(text);
  }

  beforeAll(async () => {
    await configureTeam();
    await command(h(), LEAD, `start ${PERIOD}`);
  });

  it("/sop action fills the form from the words; Log stores it once, posts it, tells the owner", async () => {
    const opened = await openModal(h(), LEAD, "action <@U0SP|sp> 2027-01-20 Book weekend overtime on line 2");
    const modal = textOf(opened.view);
    expect(modal).toContain('"initial_user":"U0SP"');
    expect(modal).toContain('"initial_date":"2027-01-20"');
    expect(modal).toContain('"initial_value":"Book weekend overtime on line 2"');
    expect(modal).not.toContain(ITEM_INPUTS.kind.block); // the kind is fixed by the command

    const values = itemFormValues({
      text: "Book weekend overtime on line 2",
      owner: "U0SP",
      due: "2027-01-20",
    });
    expect(await submitModal(h(), LEAD, opened, values)).toBeNull();
    const stored = await items();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: "action",
      owner: "U0SP",
      dueDate: "2027-01-20",
      period: PERIOD,
      phase: "supply",
      status: "open",
      createdBy: "U0LEAD",
    });
    const log = logMessageOf("Book weekend overtime on line 2");
    expect(textOf(log.blocks)).toContain(ITEM_IDS.close);
    expect(textOf(dmsTo(h(), "U0SP"))).toContain("gave you an action item");
    expect(toldTo("U0LEAD")).toContain("Logged the action item for <@U0SP>, due 2027-01-20");
    // Not logged from a message: its link is its log message.
    expect(stored[0]!.permalink).toBe(`https://sim.slack.com/archives/C0SOP/p${log.ts.replace(".", "")}`);

    // The same form submitted again (a double click): nothing new, and it says so.
    expect(await submitModal(h(), LEAD, opened, values)).toBeNull();
    expect(await items()).toHaveLength(1);
    expect(toldTo("U0LEAD")).toContain("was already logged by you. Nothing new was stored.");
  });

  it("refuses an action item without owner or due date, or due in the past, naming the field; stores nothing", async () => {
    const before = await items();
    const opened = await openModal(h(), LEAD, "action");
    const missing = modalErrors(await submitModal(h(), LEAD, opened, itemFormValues({ text: "Something" })));
    expect(missing).toEqual({
      [ITEM_INPUTS.owner.block]: "An action item needs an owner.",
      [ITEM_INPUTS.dueDate.block]: "An action item needs a due date.",
    });
    const past = modalErrors(
      await submitModal(
        h(),
        LEAD,
        opened,
        itemFormValues({ text: "Late", owner: "U0SP", due: "2027-01-04" }),
      ),
    );
    expect(past).toEqual({ [ITEM_INPUTS.dueDate.block]: "2027-01-04 is in the past (today is 2027-01-05)." });
    const empty = modalErrors(
      await submitModal(h(), LEAD, opened, itemFormValues({ text: "  ", owner: "U0SP", due: "2027-01-09" })),
    );
    expect(Object.keys(empty)).toEqual([ITEM_INPUTS.text.block]);
    expect(await items()).toEqual(before);
  });

  it("the message shortcut logs a message as a decision, with a link to it", async () => {
    const r = await h().driver.messageShortcut(CEO, ITEM_IDS.shortcut, {
      channel: "C0EXEC",
      ts: "1799990000.000200",
      text: "We go with the overtime scenario for Q1.",
    });
    expect(r.http.status).toBe(200);
    const opened = await h().standIn.waitFor(
      () => [...h().standIn.views.values()].find((v) => v.triggerId === r.triggerId),
      5000,
      "the log form",
    );
    const modal = textOf(opened.view);
    expect(modal).toContain(ITEM_INPUTS.kind.block);
    expect(modal).toContain("We go with the overtime scenario for Q1.");
    expect(modal).toContain("https://sim.slack.com/archives/C0EXEC/p1799990000000200");
    const ack = await submitModal(
      h(),
      CEO,
      opened,
      itemFormValues({ text: "We go with the overtime scenario for Q1.", kind: "decision", phase: "exec" }),
    );
    expect(ack).toBeNull();
    const decision = (await items()).find((i) => i.kind === "decision");
    expect(decision).toMatchObject({
      text: "We go with the overtime scenario for Q1.",
      status: "closed",
      phase: "exec",
      permalink: "https://sim.slack.com/archives/C0EXEC/p1799990000000200",
      createdBy: "U0CEO",
    });
    // A decision's log message has no Close button.
    expect(textOf(logMessageOf("We go with the overtime scenario").blocks)).not.toContain(ITEM_IDS.close);
  });

  it("lets the cycle's people log, nobody else, checked at the form and again on submit", async () => {
    // Admin/process lead, an executive, a phase owner, a phase approver: the form opens.
    for (const who of [LEAD, CEO, SP, OPS]) {
      const opened = await openModal(h(), who, "decide");
      expect(opened.view.callback_id).toBe(ITEM_IDS.modal);
    }
    // Someone outside the cycle: the command and the shortcut are refused and no form opens.
    const viewsBefore = h().standIn.views.size;
    const reply = await command(h(), OUTSIDER, "decide We stop line 3");
    expect(textOf(reply)).toContain("Only the people of the 2027-01 cycle");
    expect(textOf(reply)).toContain("Nothing was logged.");
    const sc = await h().driver.messageShortcut(OUTSIDER, ITEM_IDS.shortcut, {
      channel: "C0SOP",
      ts: "1799990000.000300",
      text: "x",
    });
    expect(textOf(await h().driver.reply(sc.responseId))).toContain("Only the people of the 2027-01 cycle");
    await h().settle();
    expect(h().standIn.views.size).toBe(viewsBefore);

    // A forged submission of a form opened by someone else: refused on the server, nothing stored.
    const before = await items();
    const lead = await openModal(h(), LEAD, "decide");
    const forged = modalErrors(await submitModal(h(), OUTSIDER, lead, itemFormValues({ text: "Forged" })));
    expect(Object.values(forged).join(" ")).toContain("Only the people of the 2027-01 cycle");
    expect(await items()).toEqual(before);
  });

  it("closes an action item for its owner only; the message loses its button", async () => {
    const log = await logAction(LEAD, "Confirm the maintenance window with the plant", "U0SP", "2027-01-08");
    const id = (await items()).find((i) => i.text.startsWith("Confirm the maintenance"))!.id;
    for (const who of [LEAD, CEO, OUTSIDER]) {
      const reply = await clickButton(h(), who, log, ITEM_IDS.close);
      expect(textOf(reply)).toContain("Only the owner of this action item (<@U0SP>) can close it.");
    }
    // Another workspace's click with this item's id finds nothing of its own.
    const foreign = await clickButton(h(), as("U0SP", "T0OTHER"), log, ITEM_IDS.close);
    expect(textOf(foreign)).not.toContain("Closed the action item");
    expect(await SopItemClosureModel.countDocuments({ _id: id })).toBe(0);

    const stale = structuredClone(log); // as another client still shows it
    const closed = await clickButton(h(), SP, log, ITEM_IDS.close);
    expect(textOf(closed)).toContain("Closed the action item of the 2027-01 cycle.");
    const updated = h()
      .standIn.messagesIn("C0SOP")
      .find((m) => m.ts === log.ts)!;
    expect(textOf(updated.blocks)).not.toContain(ITEM_IDS.close);
    expect(textOf(updated.blocks)).toContain("Closed by <@U0SP>");
    expect((await items()).find((i) => i.id === id)).toMatchObject({ status: "closed", closedBy: "U0SP" });
    const again = await clickButton(h(), SP, stale, ITEM_IDS.close);
    expect(textOf(again)).toContain("was already closed by <@U0SP>");
    expect(await SopItemClosureModel.countDocuments({ _id: id })).toBe(1);
  });

  it("of concurrent closes by the owner exactly one is recorded; the others are told", async () => {
    const log = await logAction(LEAD, "Send the revised capacity plan", "U0SP", "2027-01-09");
    const dm = dmsTo(h(), "U0SP").find((m) => textOf(m.blocks).includes("Send the revised capacity plan"))!;
    const id = (await items()).find((i) => i.text === "Send the revised capacity plan")!.id;
    const clicks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => h().driver.clickInMessage(SP, i % 2 ? dm : log, ITEM_IDS.close)),
    );
    expect(clicks.every((c) => c.http.status === 200)).toBe(true);
    await h().settle();
    const replies = clicks.map((c) => textOf(h().standIn.responsesTo(c.responseId)[0]?.body));
    expect(replies.filter((t) => t.includes("Closed the action item"))).toHaveLength(1);
    expect(replies.filter((t) => t.includes("was already closed by <@U0SP>"))).toHaveLength(7);
    expect(await SopItemClosureModel.countDocuments({ _id: id })).toBe(1);
  });

  it("shows the open action items in /sop status, the owner's App Home and the digest", async () => {
    const status = textOf(await command(h(), OPS, `status ${PERIOD}`));
    expect(status).toContain("Open action items");
    expect(status).toContain("Book weekend overtime on line 2");
    expect(status).not.toContain("Send the revised capacity plan"); // closed

    for (const user of ["U0SP", "U0DP"])
      await h().driver.event(TEAM, { type: "app_home_opened", user, tab: "home" });
    await h().settle();
    const home = textOf(h().standIn.homes.get("U0SP")?.blocks);
    expect(home).toContain("Your open action items");
    expect(home).toContain("Book weekend overtime on line 2");
    expect(home).toContain(ITEM_IDS.close);
    expect(textOf(h().standIn.homes.get("U0DP")?.blocks)).not.toContain("Your open action items");

    const preview = textOf(await command(h(), LEAD, "digest preview"));
    expect(preview).toContain("*Open action items* (1)");
    expect(preview).toContain("Book weekend overtime on line 2");
  });

  it("reminds the owner once per day, from the day before it is due, and the lead when overdue", async () => {
    const scheduler = () =>
      new Scheduler({ jobs: [remindersJob(h().app.app.client)], clock, logger: createLogger("silent") });
    // An action reminder's fallback text (a phase reminder's says "Overdue:", "Due …").
    const ownerReminders = () => dmsTo(h(), "U0SP").filter((m) => m.text?.startsWith("Action item due "));
    const run = async (at: string) => {
      clock.set(at);
      const s = scheduler();
      await s.refresh();
      return s.runDue(TEAM, "reminders", clock.now());
    };
    // 19 January, 09:00 Berlin: "Book weekend overtime" is due tomorrow.
    const before = ownerReminders().length;
    expect(await run("2027-01-19T08:00:05Z")).toMatchObject({ ran: true });
    const day1 = await findRun({ teamId: TEAM, job: "reminders", periodKey: "2027-01-19" });
    expect(day1?.summary).toMatchObject({ action_due_soon: 1 });
    expect(ownerReminders().length).toBe(before + 1);
    // The same day again (its run record lost, as with a second replica): nothing is sent twice.
    await JobRunModel.deleteOne({ _id: `${TEAM}|reminders|2027-01-19` });
    await run("2027-01-19T08:30:05Z");
    expect(
      (await findRun({ teamId: TEAM, job: "reminders", periodKey: "2027-01-19" }))?.summary,
    ).not.toHaveProperty("action_due_soon");
    expect(ownerReminders().length).toBe(before + 1);
    // Two days after the due date: the owner is told it is overdue, the process lead too.
    await run("2027-01-22T08:00:05Z");
    const day3 = await findRun({ teamId: TEAM, job: "reminders", periodKey: "2027-01-22" });
    expect(day3?.summary).toMatchObject({ action_overdue: 1, action_escalation: 1 });
    expect(textOf(dmsTo(h(), "U0SP").at(-1))).toContain("2 days overdue");
    expect(textOf(dmsTo(h(), "U0LEAD"))).toContain(
      "An action item of <@U0SP> for the 2027-01 cycle is *2 days overdue*",
    );
    // Closed items get none.
    expect(
      ownerReminders()
        .map((m) => m.text)
        .filter((t) => t?.includes("Send the revised capacity plan")),
    ).toEqual([]);
  });
});
