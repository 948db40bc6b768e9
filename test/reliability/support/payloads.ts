/**
 * block_actions and view_submission payloads shaped as Slack documents them, with every part open to
 * change (`breakage` overrides top-level fields), for hostile-input and isolation tests.
 */
import { newTriggerId } from "../../support/slack-driver.ts";

type Json = Record<string, unknown>;

export function blockActions(
  who: { teamId: string; userId: string },
  a: { actionId: string; value: unknown; responseUrl: string; message: Json; breakage: Json },
): Json {
  return {
    type: "block_actions",
    user: { id: who.userId, username: "x", name: "x", team_id: who.teamId },
    api_app_id: "A0SOP",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: a.message.ts, channel_id: "C0SOP", is_ephemeral: false },
    trigger_id: newTriggerId(who.userId),
    team: { id: who.teamId, domain: "x" },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: "C0SOP", name: "sop" },
    message: a.message,
    response_url: a.responseUrl,
    state: { values: {} },
    actions: [
      {
        action_id: a.actionId,
        block_id: "signoff_actions",
        text: { type: "plain_text", text: "Approve" },
        value: a.value,
        type: "button",
        action_ts: "1.2",
      },
    ],
    ...a.breakage,
  };
}

export function viewSubmission(
  who: { teamId: string; userId: string },
  v: { callbackId: string; metadata: unknown; values: unknown; breakage: Json },
): Json {
  return {
    type: "view_submission",
    team: { id: who.teamId, domain: "x" },
    user: { id: who.userId, username: "x", name: "x", team_id: who.teamId },
    api_app_id: "A0SOP",
    token: "legacy-verification-token",
    trigger_id: newTriggerId(who.userId),
    view: {
      id: "VFUZZ",
      team_id: who.teamId,
      type: "modal",
      blocks: [],
      private_metadata: v.metadata,
      callback_id: v.callbackId,
      state: { values: v.values },
      hash: "h",
      title: { type: "plain_text", text: "Modal" },
      app_id: "A0SOP",
      bot_id: "B0BOT",
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
    ...v.breakage,
  };
}
