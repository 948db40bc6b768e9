/**
 * Socket Mode against the local stand-in: the app opens its connection through SLACK_API_URL's
 * `apps.connections.open` with the app-level token (no signing secret configured), answers each kind of
 * envelope with the right acknowledgement, and reconnects when Slack asks it to or the network drops.
 */
import { describe, expect, it } from "vitest";
import { CYCLE_ACTIONS, SUBMIT_INPUTS } from "../../views/cycle-ids.ts";
import { command, configureTeam, LEAD, openModal, pasteValues } from "../cycle/helpers.ts";
import { useHarness } from "../support/harness.ts";

const ANALYST = { teamId: "T0SIM", userId: "U0ANALYST" };

describe("Socket Mode", () => {
  const h = useHarness("socket-mode", { socketMode: true });

  it("connects through the Web API base URL with the app-level token; no signing secret needed", () => {
    expect(h().env.SLACK_SIGNING_SECRET).toBeUndefined();
    const opens = h().standIn.callsOf("apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]!.token).toMatch(/^xapp-/);
    expect(h().socketMode!.openConnections).toBe(1);
  });

  it("acknowledges a slash command with an empty payload and answers through response_url", async () => {
    const before = h().socketMode!.acks.length;
    const { http, responseId } = await h().driver.command(LEAD, "help");
    expect(http.json).toBeNull();
    expect(h().socketMode!.acks.length).toBe(before + 1);
    const reply = await h().driver.reply(responseId);
    expect(JSON.stringify(reply)).toContain("S&OP bot — commands");
  });

  it("acknowledges a view submission with response_action errors, and a button with an empty payload", async () => {
    await configureTeam();
    await command(h(), LEAD, "start 2027-01");
    const modal = await openModal(h(), ANALYST, "submit data 2027-01");
    const { http } = await h().driver.submitView(
      ANALYST,
      { ...modal.view, id: modal.id },
      pasteValues("family,period,quantity\nA,2027-13,5\n") as never,
    );
    expect(http.json?.response_action).toBe("errors");
    const errors = http.json?.errors as Record<string, string>;
    expect(errors[SUBMIT_INPUTS.csv.block]).toContain('line 2: period "2027-13"');

    const click = await h().driver.click(ANALYST, { actionId: CYCLE_ACTIONS.openSubmit, value: "{}" });
    expect(click.http.json).toBeNull();
    await h().settle();
  });

  it("acknowledges an Events API envelope and publishes the App Home", async () => {
    const { http } = await h().driver.event("T0SIM", {
      type: "app_home_opened",
      user: "U0LEAD",
      tab: "home",
    });
    expect(http.json).toBeNull();
    await h().standIn.waitFor(() => h().standIn.homes.get("U0LEAD"), 10_000, "the App Home");
    await h().settle();
  });

  it("reconnects when Slack sends disconnect (refresh_requested), then serves on the new connection", async () => {
    const sm = h().socketMode!;
    const opened = sm.connectionsOpened;
    sm.requestRefresh();
    await sm.connected(opened + 1);
    expect(h().standIn.callsOf("apps.connections.open").length).toBe(opened + 1);
    const { responseId } = await h().driver.command(LEAD, "help");
    await h().driver.reply(responseId);
  });

  it("reconnects after the connection drops without a close handshake", async () => {
    const sm = h().socketMode!;
    const opened = sm.connectionsOpened;
    sm.dropConnections();
    await sm.connected(opened + 1);
    const { responseId } = await h().driver.command(LEAD, "status 2027-01");
    const reply = await h().driver.reply(responseId);
    expect(JSON.stringify(reply)).toContain("S&OP cycle 2027-01");
    expect(sm.strays).toEqual([]);
  });
});
