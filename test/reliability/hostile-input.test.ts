/**
 * Hostile input, property-based (fast-check, bounded runs): slash-command text, block_actions and
 * view_submission payloads with missing fields, wrong types, huge strings, unknown ids, and forged team
 * or user ids in button values and private_metadata — all correctly signed, so they reach the listeners.
 * Every request is sent by someone with no right to change anything (a bystander of the victim team, or
 * anyone claiming another workspace). The app must never answer 5xx, never leave an unhandled rejection,
 * never answer with a generic failure, and never change the victim team's data.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KNOWN_ACTIONS, KNOWN_VIEWS } from "../../commands/known-ids.ts";
import { ManualClock } from "../../src/clock.ts";
import { CYCLE_ACTIONS, CYCLE_VIEWS, REQUEST_CHANGES_INPUT, SETUP_INPUTS } from "../../views/cycle-ids.ts";
import { useHarness } from "../support/harness.ts";
import {
  BYSTANDERS,
  type CycleInFlight,
  cycleAwaitingSignoff,
  LEAD,
  PERIOD,
  pasteValues,
  planCsv,
  TEAM,
} from "./support/cycle-setup.ts";
import { blockActions, viewSubmission } from "./support/payloads.ts";
import { snapshotDiff, type TeamSnapshot, teamSnapshot } from "./support/team-snapshot.ts";

type Json = Record<string, unknown>;

const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
const GENERIC_FAILURE = "Something went wrong on our side";
const clock = new ManualClock(new Date("2027-01-02T08:00:00Z"));

// ---- generators -----------------------------------------------------------------------------------
/** Slack sends well-formed UTF-16; lone surrogates would only break the test's own form encoding. */
const wellFormed = (s: string) => (s as string & { toWellFormed(): string }).toWellFormed();
const huge = fc.integer({ min: 3_001, max: 60_000 }).map((n) => "x".repeat(n));
const tricky = fc.constantFrom(
  PERIOD,
  "2027-13",
  "0000-00",
  "9999-12",
  "data",
  "demand",
  "implement",
  "__proto__",
  "constructor",
  '{"$gt":""}',
  "$where",
  "../../etc/passwd",
  "<!channel> <@U0LEAD>",
  "\u0000",
  "\u202e",
  "🙂".repeat(500),
  "T0SIM",
  "T0SIM|2027-01",
  "null",
  "",
);
const anyText = fc.oneof(
  tricky,
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 200 }).map(wellFormed),
  huge,
);
/** Teams other than the victim, including look-alikes. */
const otherTeam = fc.oneof(
  fc.constantFrom(
    "T0EVIL",
    "t0sim",
    "T0SIM ",
    " T0SIM",
    "T0SIM|",
    "T0SIM|2027-01",
    "T0SIM:x",
    "",
    "T".repeat(5000),
  ),
  fc.string({ maxLength: 30 }).filter((s) => s !== TEAM),
);
/** Who sends it: a bystander of the victim team, a stranger in it, or anyone from another workspace. */
const actor = fc.oneof(
  { weight: 3, arbitrary: fc.record({ teamId: fc.constant(TEAM), userId: fc.constantFrom(...BYSTANDERS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      teamId: fc.constant(TEAM),
      userId: fc.string({ maxLength: 20 }).filter((u) => u !== "U0LEAD" && u !== "U0ANALYST"),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      teamId: otherTeam,
      userId: fc.oneof(fc.constantFrom("U0LEAD", "U0ANALYST", ...BYSTANDERS), fc.string({ maxLength: 20 })),
    }),
  },
);
const period = fc.oneof(
  fc.constantFrom(PERIOD, "2027-02", "2026-12", "2027-13"),
  fc.string({ maxLength: 10 }),
);
const phase = fc.oneof(
  fc.constantFrom("data", "demand", "implement", "nope", "__proto__"),
  fc.string({ maxLength: 10 }),
);
const version = fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5, 1e308), fc.integer());
/** Button values and private_metadata: real references, forged ones (other team inside), garbage. */
const reference = fc.oneof(
  fc.record({ p: period, ph: phase, v: version }).map((o) => JSON.stringify(o)),
  fc
    .record({
      p: period,
      ph: phase,
      v: version,
      team: fc.constantFrom(TEAM, "T0EVIL"),
      user: fc.constant("U0LEAD"),
    })
    .map((o) => JSON.stringify(o)),
  fc
    .record({ rev: fc.oneof(fc.constant(null), fc.integer()), team: fc.constant(TEAM) })
    .map((o) => JSON.stringify(o)),
  anyText,
);
const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));

describe("hostile input against a team mid-cycle", () => {
  const h = useHarness("hostile", { clock });
  let cycle: CycleInFlight;
  let before: TeamSnapshot;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const statuses = new Map<number, number>();
  /** What the app answered in the HTTP ack itself (modal errors). */
  const ackBodies: string[] = [];

  beforeAll(async () => {
    process.on("unhandledRejection", onRejection);
    process.on("uncaughtException", onRejection);
    cycle = await cycleAwaitingSignoff(h());
    before = await teamSnapshot(TEAM);
  });
  afterAll(() => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onRejection);
  });

  async function send(payload: Json | string, contentType = "application/x-www-form-urlencoded") {
    const body = typeof payload === "string" ? payload : h().driver.interactiveBody(payload);
    const res = await h().driver.post(body, contentType);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.body) ackBodies.push(res.body);
    await h().settle();
    return res;
  }

  const fuzzResponseUrl = () =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constant(null).map(() => h().standIn.newResponseUrl().url) },
      {
        weight: 1,
        arbitrary: fc.constantFrom("not a url", "http://127.0.0.1:1/x", "file:///etc/passwd", ""),
      },
    );

  it("slash-command text: any words, any length, any script, from anyone without rights", async () => {
    const words = fc.constantFrom(
      "status",
      "start",
      "submit",
      "history",
      "setup",
      "help",
      "kpi",
      "digest",
      "",
    );
    const text = fc.oneof(
      anyText,
      fc.tuple(words, fc.array(anyText, { maxLength: 4 })).map(([w, args]) => [w, ...args].join(" ")),
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        text,
        fc.constantFrom("C0SOP", "D0DM", "", "G0PRIV", "C".repeat(300)),
        async (who, t, channel) => {
          const { body } = h().driver.commandBody(who, t, { channel_id: channel });
          const res = await send(body);
          expect(res.status).toBeLessThan(500);
          expect(res.status).not.toBe(0);
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
  });

  it("block_actions: known and unknown action ids, forged values, wrong types, broken fields", async () => {
    const actionId = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...Object.values(CYCLE_ACTIONS)) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...KNOWN_ACTIONS), anyText) },
    );
    const value = fc.oneof(
      { weight: 3, arbitrary: fc.constant(null).map(() => cycle.approveValue) },
      { weight: 3, arbitrary: reference },
      { weight: 1, arbitrary: wrongType },
    );
    const breakage = fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.record({ team: wrongType }) },
      { weight: 1, arbitrary: fc.record({ user: wrongType }) },
      { weight: 1, arbitrary: fc.record({ actions: wrongType }) },
      { weight: 1, arbitrary: fc.record({ container: wrongType, channel: wrongType }) },
      { weight: 1, arbitrary: fc.record({ trigger_id: wrongType, message: wrongType }) },
      {
        weight: 1,
        arbitrary: fc.record({ view: fc.record({ type: fc.constantFrom("home", "modal"), id: anyText }) }),
      },
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        actionId,
        value,
        fuzzResponseUrl(),
        breakage,
        async (who, id, v, url, broken) => {
          const message = { type: "message", ts: cycle.request.ts, text: "", blocks: cycle.request.blocks };
          const res = await send(
            blockActions(who, { actionId: id, value: v, responseUrl: url, message, breakage: broken }),
          );
          expect(res.status).toBeLessThan(500);
          expect(res.status).not.toBe(0);
        },
      ),
      { numRuns: RUNS * 2, seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
  });

  it("view_submission: known and unknown callback ids, forged private_metadata, hostile state", async () => {
    const callbackId = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...Object.values(CYCLE_VIEWS)) },
      { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...KNOWN_VIEWS), anyText) },
    );
    const metadata = fc.oneof(
      { weight: 2, arbitrary: fc.constant(null).map(() => cycle.submitModal.view.private_metadata) },
      { weight: 2, arbitrary: fc.constant(null).map(() => cycle.approveValue) },
      { weight: 3, arbitrary: reference },
      { weight: 1, arbitrary: wrongType },
    );
    const users = fc.array(fc.oneof(fc.constantFrom("U0DP", "U0LEAD", "U0EVIL"), wrongType), {
      maxLength: 3,
    });
    const values = fc.oneof(
      fc
        .tuple(
          fc.oneof(fc.constant(planCsv()), anyText, fc.constant(null)),
          fc.oneof(anyText, fc.constant(null)),
        )
        .map(([csv, comment]) => pasteValues(csv as string | null, comment as string | null)),
      anyText.map((c) => ({
        [REQUEST_CHANGES_INPUT.block]: {
          [REQUEST_CHANGES_INPUT.action]: { type: "plain_text_input", value: c },
        },
      })),
      fc.tuple(users, anyText).map(([u, tz]) => ({
        [SETUP_INPUTS.admins.block]: {
          [SETUP_INPUTS.admins.action]: { type: "multi_users_select", selected_users: u },
        },
        [SETUP_INPUTS.timezone.block]: {
          [SETUP_INPUTS.timezone.action]: { type: "plain_text_input", value: tz },
        },
        [SETUP_INPUTS.phaseOwners("data").block]: {
          [SETUP_INPUTS.phaseOwners("data").action]: { type: "multi_users_select", selected_users: u },
        },
      })),
      fc.record({
        plan_file: fc.record({
          file: fc.record({
            type: fc.constant("file_input"),
            files: fc.array(fc.oneof(wrongType, fc.record({ id: fc.oneof(wrongType, anyText) })), {
              maxLength: 2,
            }),
          }),
        }),
      }),
      wrongType,
    );
    const breakage = fc.oneof(
      { weight: 5, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: fc.record({ team: wrongType }) },
      { weight: 1, arbitrary: fc.record({ user: wrongType }) },
    );
    await fc.assert(
      fc.asyncProperty(actor, callbackId, metadata, values, breakage, async (who, id, meta, vals, broken) => {
        const res = await send(
          viewSubmission(who, { callbackId: id, metadata: meta, values: vals, breakage: broken }),
        );
        expect(res.status).toBeLessThan(500);
        expect(res.status).not.toBe(0);
      }),
      { numRuns: RUNS * 2, seed: Number(process.env.FUZZ_SEED ?? 7) },
    );
  });

  // Found by the fuzz below (FUZZ_SEED=1): fileIds() used to read `.id` of each file entry, so
  // `files: [null]` threw a TypeError and the sender saw "Something went wrong" (fixed in 3ab0c18).
  it("a plan submission whose file input holds nulls gets a clear answer, not a crash", async () => {
    const payload = viewSubmission(
      { teamId: TEAM, userId: "U0ANALYST" },
      {
        callbackId: CYCLE_VIEWS.submitPlan,
        metadata: cycle.submitModal.view.private_metadata,
        values: { plan_file: { file: { type: "file_input", files: [null] } } },
        breakage: {},
      },
    );
    const res = await h().driver.post(
      h().driver.interactiveBody(payload),
      "application/x-www-form-urlencoded",
    );
    expect(res.status).toBe(200);
    expect(res.body).not.toContain(GENERIC_FAILURE);
  });

  it("payloads Bolt cannot even classify, sent all at once: never 5xx, never a hang", async () => {
    const who = { teamId: TEAM, userId: "U0DP" };
    const message = { type: "message", ts: cycle.request.ts, text: "", blocks: [] };
    const base = blockActions(who, {
      actionId: CYCLE_ACTIONS.approve,
      value: cycle.approveValue,
      responseUrl: h().standIn.newResponseUrl().url,
      message,
      breakage: {},
    });
    const { actions: _dropped, ...noActions } = base;
    const bodies: [string, string][] = [
      ...[
        "null",
        "5",
        '"x"',
        "[]",
        "{}",
        "true",
        '{"type":"block_actions"}',
        '{"type":"view_submission"}',
      ].map(
        (p) => [`payload=${encodeURIComponent(p)}`, "application/x-www-form-urlencoded"] as [string, string],
      ),
      ...["null", "5", "[]", "{}", '{"type":"event_callback"}', '{"type":"event_callback","event":null}'].map(
        (p) => [p, "application/json"] as [string, string],
      ),
      [h().driver.interactiveBody(noActions), "application/x-www-form-urlencoded"],
      ["payload=%7Bnot json", "application/x-www-form-urlencoded"],
      ["command=%2Fsop", "application/x-www-form-urlencoded"],
      ["", "application/x-www-form-urlencoded"],
      ["payload=1", "text/plain"],
    ];
    const results = await Promise.all(
      bodies.map(async ([body, type]) => {
        const res = await h().driver.post(body, type);
        return { body: body.slice(0, 60), status: res.status, ms: res.ms };
      }),
    );
    await h().settle();
    for (const r of results) {
      expect(r.status, r.body).toBeLessThan(500);
      expect(r.ms, r.body).toBeLessThan(3500);
    }
  });

  it("afterwards: no unhandled rejection, no generic failure, the victim team unchanged, the app healthy", async () => {
    await h().settle();
    expect(rejections.map(String)).toEqual([]);
    // Everything the app said to anyone: response_url posts, messages, DMs.
    const said = [
      ...h().standIn.responses.map((r) => JSON.stringify(r.body)),
      ...h().standIn.messages.map((m) => JSON.stringify([m.text, m.blocks])),
      ...ackBodies,
    ];
    expect(said.filter((s) => s.includes(GENERIC_FAILURE)).slice(0, 3)).toEqual([]);
    expect(snapshotDiff(before, await teamSnapshot(TEAM))).toEqual([]);
    // The lead can still decide: the request the fuzz aimed at is intact and approvable.
    const { http, responseId } = await h().driver.clickInMessage(LEAD, cycle.request, CYCLE_ACTIONS.approve);
    expect(http.status).toBe(200);
    const reply = await h().driver.reply(responseId);
    expect(JSON.stringify(reply)).toContain("You approved");
    if (process.env.FUZZ_SHOW) {
      const seen = new Map<string, number>();
      for (const s of said) {
        const k = s.replace(/\\n/g, " ").slice(0, 110);
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      console.log(
        [...seen]
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${n}× ${k}`)
          .join("\n"),
      );
    }
    console.log(`[hostile] HTTP statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  });
});
