/**
 * The database cut at the worst moment, every time: right after the first write of a transition, before
 * the second (test/reliability/support/cutting-proxy.ts sits between the app and the database). What the
 * person is told must match what is stored, and what is stored must be whole.
 */
import { MongoClient } from "mongodb";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ManualClock } from "../../src/clock.ts";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { connectDatabase } from "../../src/db/connection.ts";
import { withDatabase } from "../../src/db/provision.ts";
import { saveTeamConfig } from "../../src/team/team-config-store.ts";
import { CYCLE_ACTIONS } from "../../views/cycle-ids.ts";
import { type Harness, startHarness } from "../support/harness.ts";
import { CuttingProxy, insertInto } from "./support/cutting-proxy.ts";
import { as, command, cycleAwaitingSignoff, exampleTeam, PERIOD, TEAM } from "./support/cycle-setup.ts";
import { sleep } from "./support/traffic.ts";

const clock = new ManualClock(new Date("2027-01-02T08:00:00Z"));
const OUTAGE_MS = 4000;
const text = (x: unknown) => JSON.stringify(x ?? null);

describe("the database cut between the writes of one transition", () => {
  let proxy: CuttingProxy;
  let h: Harness;
  let direct: MongoClient;
  const dbName = `cut_${process.pid}`;

  beforeAll(async () => {
    const upstream = new URL(inject("mongoServerUri"));
    proxy = await new CuttingProxy({ host: upstream.hostname, port: Number(upstream.port) }).start();
    await connectDatabase(withDatabase(`mongodb://127.0.0.1:${proxy.port}/`, dbName));
    direct = await new MongoClient(withDatabase(inject("mongoServerUri"), dbName)).connect();
    h = await startHarness({ clock });
    await saveTeamConfig(exampleTeam(TEAM), "reliability-test", clock.now());
  });
  afterAll(async () => {
    await h?.stop();
    await direct?.db().dropDatabase();
    await direct?.close();
    await mongoose.disconnect();
    await proxy?.stop();
  });

  const exists = async (collection: string, id: string) =>
    (await direct.db().collection<{ _id: string }>(collection).countDocuments({ _id: id })) === 1;

  // A start is two writes: its event (the commit, carrying the new cycle document) and the cycle document.
  // Cut after either, the admin is told "Started" only when both are stored, and whatever they were told,
  // the cycle is whole once the database is back: `/sop status` shows it, `/sop start` again changes nothing.
  for (const [where, collection, team] of [
    ["its start event", "cycle_events", "T0CUT1"],
    ["the cycle document", "cycles", "T0CUT3"],
  ] as const) {
    it(`/sop start cut after ${where}: 'Started' only when whole, and whole once the database is back`, async () => {
      h.standIn.reset();
      await saveTeamConfig(exampleTeam(team), "reliability-test", clock.now());
      const admin = as("U0LEAD", team);
      const cut = proxy.cutAfter(insertInto(collection), OUTAGE_MS);
      const { http, responseId } = await h.driver.command(admin, `start ${PERIOD}`);
      expect(http.status).toBe(200);
      await cut;
      const said = text(await h.driver.reply(responseId, 1, 15_000));
      const id = `${team}|${PERIOD}`;
      const whole = async () => (await exists("cycles", id)) && (await exists("cycle_events", `${id}|0001`));
      if (said.includes("Started the")) expect(await whole()).toBe(true);
      else expect(said).toContain("try again");
      await sleep(OUTAGE_MS);
      await h.settle();
      // The start event was committed before the cut: the start stands, and the first read makes it whole.
      expect(text(await command(h, admin, `status ${PERIOD}`))).toContain("Demand review");
      expect(await whole()).toBe(true);
      expect((await getCycle(team, PERIOD))?.rev).toBe(1);
      expect(text(await command(h, admin, `start ${PERIOD}`))).toContain("already");
      expect((await getCycle(team, PERIOD))?.rev).toBe(1);
      console.log(
        `[cut] /sop start cut after ${where}: the admin was told ${JSON.stringify(said.slice(0, 160))}`,
      );
    });
  }

  it("Approve cut after its event is logged: the decision stands, whole, and a second click changes nothing", async () => {
    h.standIn.reset();
    const team = "T0CUT2";
    const { request } = await cycleAwaitingSignoff(h, team);
    const before = await getCycle(team, PERIOD);
    const cut = proxy.cutAfter(insertInto("cycle_events"), OUTAGE_MS);
    const { http, responseId } = await h.driver.clickInMessage(
      as("U0LEAD", team),
      request,
      CYCLE_ACTIONS.approve,
    );
    expect(http.status).toBe(200);
    await cut;
    const reply = await h.driver.reply(responseId, 1, 15_000);
    await sleep(OUTAGE_MS);
    await h.settle();
    // The event insert is the commit: the approval happened, whatever else could not be read afterwards.
    const after = await getCycle(team, PERIOD);
    expect(after?.rev).toBe((before?.rev ?? 0) + 1);
    expect(after?.phases.data?.status).toBe("approved");
    expect(await exists("cycle_events", `${team}|${PERIOD}|${String(after!.rev).padStart(4, "0")}`)).toBe(
      true,
    );
    // What the approver was told, all true of a committed approval: that it worked; that it was saved and
    // only what followed failed (do not redo it); or, when the commit's answer was lost, that it may or may
    // not have been saved (check, then try again). Never "nothing was changed". Trying again is harmless.
    const said = String((reply as { text?: unknown }).text);
    const truthful = [
      /^:white_check_mark: You approved /,
      new RegExp(
        `^Your approval of data v1 \\(${PERIOD}\\) was saved\\. After that, .*\\(ref [0-9a-z]+\\).*Do not redo it`,
      ),
      new RegExp(
        `^While saving your approval of data v1 \\(${PERIOD}\\), .*\\(ref [0-9a-z]+\\), so it may or may not have been saved\\..*try again`,
      ),
    ];
    expect(
      truthful.some((re) => re.test(said)),
      said,
    ).toBe(true);
    expect(said).not.toContain("Nothing was changed");
    const again = await command(h, as("U0LEAD", team), `status ${PERIOD}`);
    expect(text(again)).toContain("Demand review");
    const second = await h.driver.clickInMessage(as("U0LEAD", team), request, CYCLE_ACTIONS.approve);
    expect(text(await h.driver.reply(second.responseId))).toContain("was already approved by");
    await h.settle();
    expect((await getCycle(team, PERIOD))?.rev).toBe(after!.rev);
    console.log(
      `[cut] Approve cut after its event: the approver was told ${JSON.stringify(said.slice(0, 160))}`,
    );
  });
});
