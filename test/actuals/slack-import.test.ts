/**
 * `/sop import` through the real Bolt app over signed HTTP and the Slack stand-in: the modal opens, a good
 * paste or upload is stored and answered ephemerally, bad CSV comes back under the input it came from
 * (`response_action: "errors"`, line numbers) and leaves the database unchanged, strangers are refused.
 */
import { describe, expect, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { actualsRows } from "../../src/store/actuals/index.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { IMPORT_INPUTS, IMPORT_VIEW } from "../../views/import-modal.ts";
import { useHarness } from "../support/harness.ts";
import type { Actor } from "../support/slack-driver.ts";
import { ORDERS_HEADER } from "./bad-cases.ts";
import { actualsState } from "./db-state.ts";

const TEAM = "T0SLK";
const ANALYST: Actor = { teamId: TEAM, userId: "U0ANALYST" };
const STRANGER: Actor = { teamId: TEAM, userId: "U0RANDOM" };

type Values = Record<string, Record<string, Record<string, unknown>>>;

function values(kind: string | null, o: { csv?: string; fileId?: string }): Values {
  return {
    [IMPORT_INPUTS.kind.block]: {
      [IMPORT_INPUTS.kind.action]: {
        type: "static_select",
        selected_option: kind ? { value: kind, text: { type: "plain_text", text: kind } } : null,
      },
    },
    [IMPORT_INPUTS.csv.block]: {
      [IMPORT_INPUTS.csv.action]: { type: "plain_text_input", value: o.csv ?? null },
    },
    [IMPORT_INPUTS.file.block]: {
      [IMPORT_INPUTS.file.action]: {
        type: "file_input",
        files: o.fileId ? [{ id: o.fileId, name: "x.csv" }] : [],
      },
    },
  };
}

describe("/sop import over signed HTTP", () => {
  const h = useHarness("slackimport", { clock: new ManualClock(new Date("2026-02-02T09:00:00Z")) });

  async function configure() {
    await saveTeamConfig(
      {
        team: TEAM,
        admins: ["U0LEAD"],
        channels: { sop: "C0SOP", exec: "C0EXEC" },
        phases: [{ id: "data", name: "Data", owners: ["U0ANALYST"], approvers: ["U0LEAD"], dueDay: 3 }],
      },
      "test",
      new Date(),
    );
  }

  async function openModal(actor: Actor, text = "import") {
    const before = h().standIn.views.size;
    const { http } = await h().driver.command(actor, text);
    expect(http.status).toBe(200);
    return h().standIn.waitFor(() =>
      h().standIn.views.size > before ? h().standIn.lastViewFor(actor.userId) : undefined,
    );
  }

  async function submit(view: Record<string, unknown>, v: Values) {
    const { http } = await h().driver.submitView(ANALYST, view, v as never);
    expect(http.status).toBe(200);
    await h().settle();
    return http.json as { response_action?: string; errors?: Record<string, string> } | null;
  }

  it("opens the modal with the kind preselected, and stores a pasted CSV", async () => {
    await configure();
    const opened = await openModal(ANALYST, "import orders");
    expect(opened.view.callback_id).toBe(IMPORT_VIEW);
    const blocks = JSON.stringify(opened.view.blocks);
    expect(blocks).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Orders (orders.csv)"},"value":"orders"}',
    );
    expect(blocks).toContain('"type":"file_input"');
    const csv = [
      ORDERS_HEADER,
      "O1,Grinders,2026-01-02,2026-01-09,2026-01-08,1.5",
      "O2,Grinders,2026-01-03,2026-01-09,,2",
    ].join("\n");
    const ack = await submit({ ...opened.view, id: opened.id }, values("orders", { csv }));
    expect(ack?.response_action).toBeUndefined();
    const msg = await h().standIn.waitFor(() =>
      h().standIn.messages.find(
        (m) => m.ephemeralTo === "U0ANALYST" && m.text?.startsWith("Imported orders"),
      ),
    );
    expect(msg.channel).toBe("C0SOP");
    expect(msg.text).toBe("Imported orders from pasted text: 2 rows, 2 new, 0 updated.");
    expect((await actualsRows(TEAM, "orders", { from: "0000-01-01", to: "9999-12-31" })).length).toBe(2);
    // The same paste again: updated, never double counted.
    await submit({ ...opened.view, id: opened.id }, values("orders", { csv }));
    await h().standIn.waitFor(() => h().standIn.messages.find((m) => m.text?.endsWith("0 new, 2 updated.")));
    expect((await actualsRows(TEAM, "orders", { from: "0000-01-01", to: "9999-12-31" })).length).toBe(2);
  });

  it("returns line-numbered problems under the paste box and stores nothing", async () => {
    const opened = await openModal(ANALYST);
    const before = await actualsState();
    const csv = [
      ORDERS_HEADER,
      "O3,Grinders,2026-02-30,2026-03-09,,1",
      "O4,Grinders,2026-01-03,2026-01-09,2026-01-01,-2",
    ].join("\n");
    const ack = await submit({ ...opened.view, id: opened.id }, values("orders", { csv }));
    expect(ack?.response_action).toBe("errors");
    expect(Object.keys(ack!.errors!)).toEqual([IMPORT_INPUTS.csv.block]);
    expect(ack!.errors![IMPORT_INPUTS.csv.block]).toBe(
      "orders.csv: 3 problems found; nothing was imported.\n" +
        '• line 2: order_date "2026-02-30" is not a date that exists\n' +
        '• line 3: quantity "-2" must not be negative\n' +
        "• line 3: delivered_date 2026-01-01 is before order_date 2026-01-03",
    );
    expect(await actualsState()).toEqual(before);
  });

  it("imports an uploaded file after the ack, fetched with the bot token; its problems show in the modal", async () => {
    const opened = await openModal(ANALYST);
    // The form as opened (the stand-in's copy turns into the outcome view after each upload).
    const form = { ...opened.view, id: opened.id };
    h().standIn.files.set("F0DEMAND", {
      id: "F0DEMAND",
      filename: "demand.csv",
      bytes: Buffer.from(
        "\uFEFFperiod,family,forecast_qty,actual_qty\r\n2026-W01,Grinders,10,8\r\n2026-01,Grinders,40.5,41\r\n",
      ),
      shared: false,
    });
    expect((await submit(form, values("demand", { fileId: "F0DEMAND" })))?.response_action).toBe("update");
    const msg = await h().standIn.waitFor(() =>
      h().standIn.messages.find((m) => m.text?.startsWith("Imported demand")),
    );
    expect(msg.text).toBe("Imported demand from demand.csv: 2 rows, 2 new, 0 updated.");

    h().standIn.files.set("F0BADINV", {
      id: "F0BADINV",
      filename: "inventory.csv",
      bytes: Buffer.from("date,family\n2026-01-05,Grinders\n"),
      shared: false,
    });
    const before = await actualsState();
    const outcome = async (fileId: string) => {
      const ack = await submit(form, values("inventory", { fileId }));
      expect(ack?.response_action).toBe("update");
      await h().settle();
      return JSON.stringify(h().standIn.views.get(opened.id)?.view);
    };
    expect(await outcome("F0BADINV")).toContain(
      "inventory.csv: 1 problem found; nothing was imported.\\n• line 1: missing column on_hand_qty",
    );
    expect(await outcome("F0GONE")).toContain("cannot be read (file_not_found)");
    expect(await actualsState()).toEqual(before);
  });

  it("asks for a kind, and for exactly one of paste or file", async () => {
    const opened = await openModal(ANALYST);
    const view = { ...opened.view, id: opened.id };
    expect((await submit(view, values(null, { csv: "x" })))?.errors).toEqual({
      [IMPORT_INPUTS.kind.block]: "Choose what you are importing.",
    });
    expect((await submit(view, values("orders", {})))?.errors).toEqual({
      [IMPORT_INPUTS.csv.block]: "Paste orders.csv here, or upload it below.",
    });
    h().standIn.files.set("F0X", { id: "F0X", filename: "x.csv", bytes: Buffer.from("x"), shared: false });
    expect((await submit(view, values("orders", { csv: "x", fileId: "F0X" })))?.errors).toEqual({
      [IMPORT_INPUTS.file.block]: "Paste the CSV or upload a file, not both.",
    });
  });

  it("imports a large upload after the ack, showing progress and then the outcome in the modal", async () => {
    const opened = await openModal(ANALYST);
    const lines = [ORDERS_HEADER];
    for (let i = 0; i < 12_000; i++)
      lines.push(`BIG-${i},Espresso machines,2026-01-05,2026-01-12,2026-01-10,${(i % 9) + 0.5}`);
    h().standIn.files.set("F0BIG", {
      id: "F0BIG",
      filename: "orders-big.csv",
      bytes: Buffer.from(lines.join("\n")),
      shared: false,
    });
    const ack = await submit({ ...opened.view, id: opened.id }, values("orders", { fileId: "F0BIG" }));
    expect(ack?.response_action).toBe("update");
    expect(JSON.stringify(ack)).toContain("Checking and importing");
    const updated = await h().standIn.waitFor(() =>
      h()
        .standIn.callsOf("views.update")
        .find((c) => JSON.stringify(c.args.view).includes("Imported orders")),
    );
    expect(JSON.stringify(updated.args.view)).toContain("12,000 rows, 12,000 new, 0 updated");
    expect((await actualsRows(TEAM, "orders", { from: "0000-01-01", to: "9999-12-31" })).length).toBe(12_002);
  });

  it("refuses people outside the planning team, before any modal opens", async () => {
    const { responseId } = await h().driver.command(STRANGER, "import");
    const reply = await h().driver.reply(responseId);
    expect(JSON.stringify(reply.blocks)).toContain("Only admins and phase owners");
    expect(h().standIn.lastViewFor("U0RANDOM")).toBeUndefined();
    const bad = await h().driver.command(ANALYST, "import sales");
    expect(JSON.stringify((await h().driver.reply(bad.responseId)).blocks)).toContain(
      "KIND is one of orders, demand, production, inventory",
    );
  });

  it("refuses a stranger's forged submission too", async () => {
    const before = await actualsState();
    const { http } = await h().driver.submitView(
      STRANGER,
      { callback_id: IMPORT_VIEW, private_metadata: '{"c":"C0SOP"}' },
      values("orders", { csv: `${ORDERS_HEADER}\nF1,G,2026-01-02,2026-01-09,,1` }) as never,
    );
    expect((http.json as { errors: Record<string, string> }).errors[IMPORT_INPUTS.csv.block]).toContain(
      "Only admins and phase owners",
    );
    await h().settle();
    expect(await actualsState()).toEqual(before);
  });
});
