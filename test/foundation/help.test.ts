import { describe, expect, it } from "vitest";
import { useHarness } from "../support/harness.ts";

const lead = { teamId: "T0SIM", userId: "U0LEAD" };

describe("/sop help over signed HTTP", () => {
  const h = useHarness("help");

  it("acks at once and answers with the whole grammar, ephemerally", async () => {
    const { http, responseId } = await h().driver.command(lead, "help");
    expect(http.status).toBe(200);
    expect(http.body).toBe("");
    const reply = await h().driver.reply(responseId);
    expect(reply.response_type).toBe("ephemeral");
    const text = JSON.stringify(reply.blocks);
    for (const word of [
      "status [PERIOD]",
      "start PERIOD",
      "submit PHASE",
      "history [PERIOD]",
      "kpi [PERIOD]",
      "import",
      "setup",
      "digest",
    ]) {
      expect(text).toContain(`/sop ${word}`);
    }
  });

  it("treats an empty /sop as help", async () => {
    const { responseId } = await h().driver.command(lead, "");
    const reply = await h().driver.reply(responseId);
    expect(JSON.stringify(reply.blocks)).toContain("/sop status [PERIOD]");
  });

  it("answers an unknown sub-command helpfully", async () => {
    const { http, responseId } = await h().driver.command(lead, "stauts 2027-01");
    expect(http.status).toBe(200);
    const reply = await h().driver.reply(responseId);
    expect(reply.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply.blocks)).toContain("Did you mean `/sop status`?");
    expect(JSON.stringify(reply.blocks)).toContain("/sop help");
  });
});
