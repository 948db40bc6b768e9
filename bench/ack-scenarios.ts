/**
 * The requests the ack benchmark sends, and the work each owes after its ack (so the bench can wait for
 * it and count it). Payload shapes are Slack's, as in test/support/slack-driver.ts.
 */
import { stringify } from "node:querystring";
import { WebClient } from "@slack/web-api";
import { announceSubmission, Deliveries } from "../commands/cycle-notify.ts";
import { decidePhase } from "../src/cycle/decide.ts";
import { currentPeriod } from "../src/cycle/period.ts";
import { startCycle } from "../src/cycle/start-cycle.ts";
import { submitPlan } from "../src/cycle/submit-plan.ts";
import { connectDatabase, disconnectDatabase } from "../src/db/connection.ts";
import { createLogger } from "../src/logger.ts";
import { saveTeamConfig } from "../src/team/team-config-store.ts";
import { exampleTeam, pasteValues, planCsv } from "../test/reliability/support/cycle-setup.ts";
import { newTriggerId } from "../test/support/slack-driver.ts";
import type { SlackStandIn } from "../test/support/slack-standin.ts";
import { encodeDecisionRef, encodeSubmitMeta } from "../views/cycle-ids.ts";

export interface BuiltRequest {
  body: string;
  contentType: string;
  /** The response_url id the app should post to after its ack, if any. */
  responseId?: string;
}

export interface Scenario {
  name: string;
  /** Row label in the results table. */
  label: string;
  note?: string;
  /** Load models this scenario runs in (default: all). */
  models?: ("closed" | "burst")[];
  /** Requests per round and app at concurrency c (default: the bench's). */
  perRound?: (c: number) => number;
  /** One request; `which` lets a scenario spend scarce state (pending sign-offs) on the real app only. */
  build(which: "ours" | "bare"): BuiltRequest;
  /** A position in the stand-in's records before a round, for awaitWork. */
  workMark(): number;
  /** Waits until the post-ack work of `built` has arrived at the stand-in; returns what arrived. */
  awaitWork(
    mark: number,
    built: BuiltRequest[],
    timeoutMs: number,
  ): Promise<{ expected: number; arrived: number }>;
}

export interface ScenarioSetup {
  standIn: SlackStandIn;
  oursUrl: string;
  secret: string;
  uri: string;
}

const FORM = "application/x-www-form-urlencoded";
const TEAM = "T0BENCH";
const USER = "U0BENCHLEAD";

export function commandBody(standIn: SlackStandIn, text: string, user = USER, team = TEAM): BuiltRequest {
  const { id, url } = standIn.newResponseUrl();
  const body = stringify({
    token: "legacy-verification-token",
    team_id: team,
    team_domain: team.toLowerCase(),
    channel_id: "C0SOP",
    channel_name: "sop",
    user_id: user,
    user_name: user.toLowerCase(),
    command: "/sop",
    text,
    api_app_id: "A0SOP",
    is_enterprise_install: "false",
    response_url: url,
    trigger_id: newTriggerId(user),
  });
  return { body, contentType: FORM, responseId: id };
}

export function actionBody(
  standIn: SlackStandIn,
  action: { actionId: string; value?: string; blockId?: string },
  message: { channel: string; ts: string; blocks?: unknown[]; text?: string } = {
    channel: "C0SOP",
    ts: "1.000001",
  },
  user = USER,
  team = TEAM,
): BuiltRequest {
  const { id, url } = standIn.newResponseUrl();
  const payload = {
    type: "block_actions",
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
    api_app_id: "A0SOP",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: newTriggerId(user),
    team: { id: team, domain: team.toLowerCase() },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: "sop" },
    message: { type: "message", ts: message.ts, text: message.text ?? "", blocks: message.blocks ?? [] },
    response_url: url,
    state: { values: {} },
    actions: [
      {
        action_id: action.actionId,
        block_id: action.blockId ?? "actions",
        text: { type: "plain_text", text: action.actionId, emoji: true },
        value: action.value,
        type: "button",
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return { body: stringify({ payload: JSON.stringify(payload) }), contentType: FORM, responseId: id };
}

export function viewBody(
  view: { callback_id: string; private_metadata?: string; blocks?: unknown[]; id?: string },
  values: Record<string, Record<string, unknown>>,
  user = USER,
  team = TEAM,
): BuiltRequest {
  const payload = {
    type: "view_submission",
    team: { id: team, domain: team.toLowerCase() },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: team },
    api_app_id: "A0SOP",
    token: "legacy-verification-token",
    trigger_id: newTriggerId(user),
    view: {
      id: view.id ?? "VBENCH",
      team_id: team,
      type: "modal",
      blocks: view.blocks ?? [],
      private_metadata: view.private_metadata ?? "",
      callback_id: view.callback_id,
      state: { values },
      hash: "h",
      title: { type: "plain_text", text: "Modal" },
      app_id: "A0SOP",
      bot_id: "B0BOT",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return { body: stringify({ payload: JSON.stringify(payload) }), contentType: FORM };
}

/** Waits until every request with a response_url has had at least one post. */
async function awaitResponses(standIn: SlackStandIn, mark: number, built: BuiltRequest[], timeoutMs: number) {
  const owed = new Set(built.flatMap((b) => (b.responseId ? [b.responseId] : [])));
  const seen = new Set<string>();
  let scanned = mark;
  const deadline = Date.now() + timeoutMs;
  while (seen.size < owed.size && Date.now() < deadline) {
    for (; scanned < standIn.responses.length; scanned++) {
      const id = standIn.responses[scanned]!.id;
      if (owed.has(id)) seen.add(id);
    }
    if (seen.size < owed.size) await new Promise((r) => setTimeout(r, 20));
  }
  return { expected: owed.size, arrived: seen.size };
}

/** Scenarios that run against the app as it is before the cycle flows: help, unknown action, unknown view. */
export function standInScenarios(standIn: SlackStandIn): Scenario[] {
  const mark = () => standIn.responses.length;
  return [
    {
      name: "command",
      label: "`/sop help` (stand-in for `/sop status`)",
      note: "acked, then claims the trigger id in the database and posts the help to response_url",
      build: () => commandBody(standIn, "help"),
      workMark: mark,
      awaitWork: (m, built, t) => awaitResponses(standIn, m, built, t),
    },
    {
      name: "action",
      label: "unknown button (stand-in for Approve)",
      note: "acked and dropped by the known-ids middleware; no work after ack",
      build: () => actionBody(standIn, { actionId: "bench_unknown_action", value: "x" }),
      workMark: mark,
      awaitWork: async () => ({ expected: 0, arrived: 0 }),
    },
    {
      name: "view",
      label: "unknown view submission (stand-in)",
      note: "acked and dropped by the known-ids middleware; no work after ack",
      build: () => viewBody({ callback_id: "bench_unknown_view" }, {}),
      workMark: mark,
      awaitWork: async () => ({ expected: 0, arrived: 0 }),
    },
  ];
}

/** A pending sign-off request: where it was posted and what its Approve button carries. */
interface PendingSignoff {
  teamId: string;
  channel: string;
  ts: string;
  value: string;
}

/**
 * The cycle flows, on state prepared through the domain (the same functions the listeners call):
 * T0BENCH has this month's cycle with data approved (status, and Approve on a decided request);
 * T0BENCHV has data open (the submit modal); a pool of teams each with data submitted and its sign-off
 * request posted (Approve clicks that commit a transition, one per team).
 */
export async function cycleScenarios(
  setup: ScenarioSetup,
  log: (line: string) => void,
  rounds: number,
  only?: string[],
): Promise<Scenario[]> {
  const { standIn } = setup;
  await connectDatabase(setup.uri);
  const client = new WebClient("xoxb-bench-token", { slackApiUrl: standIn.apiUrl });
  const now = new Date();
  const quiet = createLogger("silent");
  const configure = async (teamId: string) => {
    const cfg = exampleTeam(teamId);
    await saveTeamConfig(cfg, "bench", now);
    const period = currentPeriod(String(cfg.timezone), now);
    await startCycle({ teamId, period, by: "U0LEAD", at: now }, quiet);
    return period;
  };
  const submitData = (teamId: string, period: string) =>
    submitPlan(
      {
        teamId,
        period,
        phase: "data",
        by: "U0ANALYST",
        at: now,
        csv: planCsv(20, period),
        source: "slack-paste",
      },
      quiet,
    );

  const period = await configure("T0BENCH");
  await submitData("T0BENCH", period);
  await decidePhase(
    { teamId: "T0BENCH", period, phase: "data", version: 1, by: "U0LEAD", at: now, decision: "approve" },
    quiet,
  );
  const decided = encodeDecisionRef({ period, phase: "data", version: 1 });
  await configure("T0BENCHV");
  const submitMeta = encodeSubmitMeta({ period, phase: "data", version: 0 });
  // 54 plan lines, three of them wrong: parsed and checked before the ack, errors shown in the modal.
  const lines = planCsv(3, period).trimEnd().split("\n");
  lines[5] = lines[5]!.replace(/,\d{4}-\d\d,/, ",2027-13,");
  lines[20] = lines[20]!.replace(/,\d+$/, ",-5");
  const badCsv = `${lines.join("\n")}\nNOPE,,x\n`;

  const commitPerRound = (c: number) => (c === 1 ? 20 : c === 10 ? 30 : 50);
  // The pool is spent only by the scenario that commits; other runs skip preparing it.
  const poolSize =
    !only || only.includes("approve-commit")
      ? rounds * (commitPerRound(1) + commitPerRound(10) + commitPerRound(50)) + commitPerRound(10) + 10
      : 0;
  log(`preparing ${poolSize} teams with a pending sign-off request…`);
  const pool: PendingSignoff[] = [];
  const prepare = async (i: number) => {
    const teamId = `T0P${String(i).padStart(4, "0")}`;
    const p = await configure(teamId);
    const r = await submitData(teamId, p);
    const where = await announceSubmission(
      client,
      new Deliveries(quiet),
      r.cfg,
      r.cycle,
      r.phase,
      r.version,
      now,
    );
    if (!where) throw new Error(`no sign-off request posted for ${teamId}`);
    pool.push({
      teamId,
      ...where,
      value: encodeDecisionRef({ period: p, phase: "data", version: r.version }),
    });
  };
  for (let i = 0; i < poolSize; i += 8)
    await Promise.all(Array.from({ length: Math.min(8, poolSize - i) }, (_, k) => prepare(i + k)));
  await disconnectDatabase();

  const mark = () => standIn.responses.length;
  const replies = (m: number, built: BuiltRequest[], t: number) => awaitResponses(standIn, m, built, t);
  const status = () => commandBody(standIn, "status", "U0DP", "T0BENCH");
  const approveDecided = () =>
    actionBody(
      standIn,
      { actionId: "sop_approve", value: decided, blockId: "signoff" },
      { channel: "C0SOP", ts: "1.000001" },
      "U0LEAD",
      "T0BENCH",
    );
  const submitInvalid = () =>
    viewBody(
      { callback_id: "sop_submit_plan", private_metadata: submitMeta },
      pasteValues(badCsv) as Record<string, Record<string, unknown>>,
      "U0ANALYST",
      "T0BENCHV",
    );
  const mixed = [status, approveDecided, submitInvalid];
  let turn = 0;
  return [
    {
      name: "mixed",
      label: "Mixed: `/sop status`, Approve on a decided request, submit modal with bad lines (in turn)",
      note: "one third each of the three requests below, interleaved",
      build: () => mixed[turn++ % mixed.length]!(),
      workMark: mark,
      awaitWork: replies,
    },
    {
      name: "status",
      label: "`/sop status`",
      note: "acked, then: claim, team config, this month's cycle (+ catch-up), status report, response_url post",
      build: status,
      workMark: mark,
      awaitWork: replies,
    },
    {
      name: "approve",
      label: "Approve on a decided request",
      note: "acked, then: claim, decision re-checked against the stored cycle (already approved), the approver told so",
      build: approveDecided,
      workMark: mark,
      awaitWork: replies,
    },
    {
      name: "approve-commit",
      label: "Approve that commits (one per team)",
      models: ["burst"],
      perRound: commitPerRound,
      note: "acked, then: the transition committed (event insert + snapshot), sign-off message updated, owner and next owners DMed, phase-opened note, reply, App Home dashboards of 3 people re-published",
      build: (which) => {
        const next = which === "ours" ? pool.shift() : undefined;
        if (which === "ours" && !next)
          throw new Error("approve-commit: the pool of pending sign-offs ran out");
        const target = next ?? { teamId: "T0BENCH", channel: "C0SOP", ts: "1.000001", value: decided };
        return actionBody(
          standIn,
          { actionId: "sop_approve", value: target.value, blockId: "signoff" },
          { channel: target.channel, ts: target.ts },
          "U0LEAD",
          target.teamId,
        );
      },
      workMark: mark,
      awaitWork: replies,
    },
    {
      name: "submit-invalid",
      // Fewer per round: at 50 concurrent the app answers ~20 of these a second.
      perRound: (c: number) => (c === 1 ? 100 : c === 10 ? 200 : 300),
      label: "Submit modal, 55-line CSV with 3 bad lines",
      note: "everything before the ack (Slack shows errors only from the ack): team config, cycle, owner and version checks, CSV parsed and every bad line listed",
      build: submitInvalid,
      workMark: mark,
      awaitWork: async () => ({ expected: 0, arrived: 0 }),
    },
  ];
}

export async function scenarios(
  setup: ScenarioSetup,
  log: (line: string) => void,
  rounds: number,
  only?: string[],
): Promise<Scenario[]> {
  if (process.env.STAND_IN_SCENARIOS) return standInScenarios(setup.standIn);
  return cycleScenarios(setup, log, rounds, only);
}
