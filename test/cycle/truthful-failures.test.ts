/**
 * What a person is told when something fails says only what is true: after a committed change, that it
 * was saved and what could not be done after; "nothing was changed" only when nothing was. Each such
 * failure is logged once, with the ref the person sees.
 */
import { describe, expect, it } from "vitest";
import { CommitRecord, describeFailure } from "../../commands/failure-message.ts";
import { DatabaseUnavailableError, UserError } from "../../src/errors.ts";
import { actualsRows } from "../../src/store/actuals/index.ts";
import { IMPORT_INPUTS } from "../../views/import-modal.ts";
import { capturingLogger } from "../schedule/logs.ts";
import { useHarness } from "../support/harness.ts";
import { as, configureTeam, openModal, TEAM, textOf } from "./helpers.ts";

const ANALYST = as("U0ANALYST");

describe("describeFailure", () => {
  const { logger, lines } = capturingLogger();
  const boom = new Error("boom");

  it("nothing attempted: nothing was changed, with a ref in the log", () => {
    const m = describeFailure(boom, logger);
    const ref = /ref (\w{6})/.exec(m.text)![1]!;
    expect(m.text).toContain("Nothing was changed");
    expect(lines.filter((l) => l.ref === ref)).toHaveLength(1);
  });

  it("a refusal is the person's message, not logged as a failure", () => {
    const before = lines.length;
    expect(describeFailure(new UserError("not_authorized", "Only admins."), logger).text).toBe(
      "Only admins.",
    );
    expect(lines.length).toBe(before);
  });

  it("the change itself failed: it may or may not have been saved, never 'nothing was changed'", async () => {
    const record = new CommitRecord();
    await expect(record.commit("your approval", () => Promise.reject(boom))).rejects.toBe(boom);
    const m = describeFailure(boom, logger, record);
    expect(m.text).toContain("While saving your approval");
    expect(m.text).toContain("may or may not have been saved");
    expect(m.text).not.toContain("Nothing was changed");
    const outage = new CommitRecord();
    await outage.commit("the setup", () => Promise.reject(new DatabaseUnavailableError())).catch(() => {});
    expect(describeFailure(new DatabaseUnavailableError(), logger, outage).text).toContain(
      "may or may not have been saved",
    );
  });

  it("a refusal from the change itself means it changed nothing", async () => {
    const record = new CommitRecord();
    const stale = new UserError("stale", "Already approved. Nothing changed.");
    await record.commit("your approval", () => Promise.reject(stale)).catch(() => {});
    expect(describeFailure(stale, logger, record).text).toBe("Already approved. Nothing changed.");
  });

  it("after the change was saved: says it was saved and what went wrong after", async () => {
    const record = new CommitRecord();
    await record.commit("your approval of data v1", async () => 1);
    const m = describeFailure(boom, logger, record);
    expect(m.text).toMatch(
      /^Your approval of data v1 was saved\. After that, something went wrong on our side \(ref \w{6}\)/,
    );
    expect(m.text).not.toContain("Nothing was changed");
  });
});

describe("a Slack failure after a committed import", () => {
  const { logger, lines } = capturingLogger();
  const h = useHarness("truthful", { logger });

  it("tells the importer the rows were saved, and logs the failure once with the ref they see", async () => {
    await configureTeam();
    const modal = await openModal(h(), ANALYST, "import orders");
    // The result cannot be delivered: no ephemeral in the channel, and no DM channel either, once.
    h().standIn.failNext("chat.postEphemeral", { error: "fatal_error" });
    h().standIn.failNext("conversations.open", { error: "fatal_error" });
    const csv =
      "order_id,family,order_date,promised_date,delivered_date,quantity\nO1,FAM-0000,2027-01-02,2027-01-09,,3\n";
    const { http } = await h().driver.submitView(
      ANALYST,
      { ...modal.view, id: modal.id },
      {
        [IMPORT_INPUTS.kind.block]: {
          [IMPORT_INPUTS.kind.action]: { type: "static_select", selected_option: { value: "orders" } },
        },
        [IMPORT_INPUTS.csv.block]: { [IMPORT_INPUTS.csv.action]: { type: "plain_text_input", value: csv } },
        [IMPORT_INPUTS.file.block]: { [IMPORT_INPUTS.file.action]: { type: "file_input", files: [] } },
      },
    );
    expect(http.json).toBeNull();
    await h().settle();
    expect((await actualsRows(TEAM, "orders", { from: "0000-01-01", to: "9999-12-31" })).length).toBe(1);
    const told = textOf(h().standIn.messagesIn("DU0ANALYST").at(-1)?.blocks);
    expect(told).toContain("The orders import from pasted text was saved.");
    expect(told).not.toContain("Nothing was changed");
    const ref = /ref (\w{6})/.exec(told)![1]!;
    const logged = lines.filter((l) => l.ref === ref);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.msg).toBe("failed after the change was saved");
  });
});
