/** Security at the door: only correctly signed, fresh requests reach a listener. */
import { describe, expect, it } from "vitest";
import { SIGNING_SECRET, useHarness } from "../support/harness.ts";
import { signRequest } from "../support/slack-driver.ts";

const lead = { teamId: "T0SIM", userId: "U0LEAD" };

describe("request verification", () => {
  const h = useHarness("security");

  async function expectRejected(opts: Parameters<ReturnType<typeof h>["driver"]["post"]>[2]) {
    const { body, responseId } = h().driver.commandBody(lead, "help");
    const res = await h().driver.post(body, "application/x-www-form-urlencoded", opts);
    expect(res.status).toBe(401);
    // Give a wrongly accepted request time to do its work, then check none happened.
    await new Promise((r) => setTimeout(r, 300));
    expect(h().standIn.responsesTo(responseId)).toHaveLength(0);
  }

  it("rejects a bad signature with 401 and reaches no listener", async () => {
    await expectRejected({ signature: `v0=${"0".repeat(64)}` });
  });

  it("rejects a signature made with another secret", async () => {
    const ts = Math.floor(Date.now() / 1000);
    const { body } = h().driver.commandBody(lead, "help");
    await expectRejected({ timestamp: ts, signature: signRequest("another-secret-123456", body, ts) });
  });

  it("rejects a missing signature with 401", async () => {
    await expectRejected({ signature: null });
  });

  it("rejects a correctly signed request older than 5 minutes (replay)", async () => {
    await expectRejected({ timestamp: Math.floor(Date.now() / 1000) - 301 });
  });

  it("accepts a correctly signed fresh request", async () => {
    const { http, responseId } = await h().driver.command(lead, "help");
    expect(http.status).toBe(200);
    await h().driver.reply(responseId);
    expect(SIGNING_SECRET).toHaveLength(32);
  });
});
