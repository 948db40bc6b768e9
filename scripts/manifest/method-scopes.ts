/**
 * Which bot scopes each Web API method the app calls needs (any one of the list suffices; an empty list:
 * none), as Slack's method reference states them. The manifest requests exactly the scopes the calls in
 * the code need, plus the behaviour scopes below; the Slack stand-in answers `missing_scope` for a call
 * whose token lacks them.
 */
export const METHOD_SCOPES: Record<string, string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.delete": ["chat:write"],
  "chat.getPermalink": [],
  "conversations.open": ["im:write", "mpim:write", "channels:manage", "groups:write"],
  "conversations.info": ["channels:read", "groups:read", "im:read", "mpim:read"],
  "users.info": ["users:read"],
  "views.open": [],
  "views.push": [],
  "views.update": [],
  "views.publish": [],
  "files.info": ["files:read"],
  "files.getUploadURLExternal": ["files:write"],
  "files.completeUploadExternal": ["files:write"],
  // Bolt, @slack/oauth and the Socket Mode client call these with other tokens (client secret, app token).
  "oauth.v2.access": [],
  "apps.connections.open": [],
};

/** Client helpers that are several Web API calls. */
export const HELPER_METHODS: Record<string, string[]> = {
  "files.uploadV2": ["files.getUploadURLExternal", "files.completeUploadExternal"],
};

/** Scopes for behaviour rather than for a method, each with why the app needs it. */
export const BEHAVIOUR_SCOPES: Record<string, string> = {
  "chat:write.public":
    "posting to the public S&OP and exec channels chosen in /sop setup without inviting the bot first",
};
