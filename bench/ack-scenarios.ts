/**
 * The requests the ack benchmark sends, and the work each owes after its ack (so the bench can wait for
 * it and count it). Payload shapes are Slack's, as in test/support/slack-driver.ts.
 */
import { stringify } from "node:querystring";
import { newTriggerId } from "../test/support/slack-driver.ts";
import type { SlackStandIn } from "../test/support/slack-standin.ts";

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
  build(): BuiltRequest;
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

export async function scenarios(setup: ScenarioSetup, _log: (line: string) => void): Promise<Scenario[]> {
  return standInScenarios(setup.standIn);
}
