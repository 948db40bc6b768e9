/**
 * The Slack app manifest, built from what the app registers (commands/surface.ts) and the Web API calls
 * its code makes (web-api-calls.ts): slash commands, shortcuts, bot events, interactivity, and exactly
 * the bot scopes those need. HTTP: every request URL on `https://HOST/slack/events` and the OAuth
 * redirect on `/slack/oauth_redirect`. Socket Mode: no request URLs (the redirect only with a host).
 */
import { APP_TEXT, COMMAND_TEXT, SHORTCUT_TEXT } from "../../commands/manifest-text.ts";
import type { AppSurface } from "../../commands/surface.ts";
import { BEHAVIOUR_SCOPES, METHOD_SCOPES } from "./method-scopes.ts";
import type { WebApiCall } from "./web-api-calls.ts";

export interface ManifestOptions {
  /** The public host of the HTTP receiver, e.g. app.example.com. */
  host?: string;
  socketMode?: boolean;
}

/** The bot scopes needed: per method the first listed one, `commands` for commands and shortcuts. */
export function neededScopes(surface: AppSurface, calls: WebApiCall[]): string[] {
  const scopes = new Set<string>(Object.keys(BEHAVIOUR_SCOPES));
  if (surface.commands.length || surface.shortcuts.length) scopes.add("commands");
  for (const c of calls) {
    const first = METHOD_SCOPES[c.method]?.[0];
    if (first) scopes.add(first);
  }
  return [...scopes].sort();
}

/** Problems that make a manifest impossible to build truthfully (e.g. a shortcut without its words). */
export function surfaceProblems(surface: AppSurface): string[] {
  const problems: string[] = [];
  for (const c of surface.commands)
    if (!COMMAND_TEXT[c]) problems.push(`slash command ${c} has no entry in commands/manifest-text.ts`);
  for (const s of surface.shortcuts)
    if (!SHORTCUT_TEXT[s.callbackId])
      problems.push(`shortcut ${s.callbackId} has no entry in commands/manifest-text.ts (SHORTCUT_TEXT)`);
  return problems;
}

export function buildManifest(surface: AppSurface, calls: WebApiCall[], opts: ManifestOptions) {
  const problems = surfaceProblems(surface);
  if (problems.length) throw new Error(problems.join("; "));
  if (!opts.socketMode && !opts.host)
    throw new Error("an HTTP manifest needs the app's public host (--host)");
  if (opts.host && !/^[a-z0-9.-]+(:\d+)?$/i.test(opts.host))
    throw new Error(`--host ${opts.host}: give a host name such as app.example.com (no scheme or path)`);
  const events = opts.socketMode ? undefined : `https://${opts.host}/slack/events`;
  const interactive = surface.actions.length + surface.views.length + surface.shortcuts.length > 0;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: APP_TEXT.name,
      description: APP_TEXT.description,
      background_color: APP_TEXT.backgroundColor,
      long_description: APP_TEXT.longDescription,
    },
    features: {
      ...(surface.events.includes("app_home_opened")
        ? {
            app_home: {
              home_tab_enabled: true,
              messages_tab_enabled: true,
              messages_tab_read_only_enabled: true,
            },
          }
        : {}),
      bot_user: { display_name: APP_TEXT.botName, always_online: true },
      ...(surface.shortcuts.length
        ? {
            shortcuts: surface.shortcuts.map((s) => ({
              name: SHORTCUT_TEXT[s.callbackId]!.name,
              type: SHORTCUT_TEXT[s.callbackId]!.type,
              callback_id: s.callbackId,
              description: SHORTCUT_TEXT[s.callbackId]!.description,
            })),
          }
        : {}),
      slash_commands: [...new Set(surface.commands)].map((command) => ({
        command,
        ...(events ? { url: events } : {}),
        description: COMMAND_TEXT[command]!.description,
        usage_hint: COMMAND_TEXT[command]!.usageHint,
        should_escape: false,
      })),
    },
    oauth_config: {
      ...(opts.host ? { redirect_urls: [`https://${opts.host}/slack/oauth_redirect`] } : {}),
      scopes: { bot: neededScopes(surface, calls) },
    },
    settings: {
      event_subscriptions: {
        ...(events ? { request_url: events } : {}),
        bot_events: [...new Set(surface.events)].sort(),
      },
      interactivity: {
        is_enabled: interactive,
        ...(interactive && events ? { request_url: events } : {}),
        ...(surface.options.length && events ? { message_menu_options_url: events } : {}),
      },
      org_deploy_enabled: false,
      socket_mode_enabled: Boolean(opts.socketMode),
      token_rotation_enabled: false,
    },
  };
}

type Manifest = ReturnType<typeof buildManifest>;

/**
 * How a given manifest differs from what the code needs: a listener Slack would not send to, a scope a
 * call needs but the manifest lacks, or one it requests that nothing uses. Empty when they agree.
 */
export function manifestProblems(given: unknown, surface: AppSurface, calls: WebApiCall[]): string[] {
  const m = given as Partial<Manifest>;
  const problems = [...surfaceProblems(surface)];
  const has = new Set(m.oauth_config?.scopes?.bot ?? []);
  const needed = new Set(neededScopes(surface, calls));
  for (const s of needed)
    if (!has.has(s))
      problems.push(`scope ${s} is needed (${scopeReason(s, surface, calls)}) but not requested`);
  for (const s of has) if (!needed.has(s)) problems.push(`scope ${s} is requested but nothing uses it`);
  const commands = new Set((m.features?.slash_commands ?? []).map((c) => c.command));
  for (const c of surface.commands)
    if (!commands.has(c)) problems.push(`slash command ${c} is handled but not in the manifest`);
  for (const c of commands)
    if (!surface.commands.includes(c)) problems.push(`slash command ${c} is in the manifest but not handled`);
  const events = new Set(m.settings?.event_subscriptions?.bot_events ?? []);
  for (const e of surface.events)
    if (!events.has(e)) problems.push(`event ${e} is handled but not subscribed`);
  for (const e of events)
    if (!surface.events.includes(e)) problems.push(`event ${e} is subscribed but not handled`);
  const shortcuts = new Set((m.features?.shortcuts ?? []).map((s) => s.callback_id));
  for (const s of surface.shortcuts)
    if (!shortcuts.has(s.callbackId))
      problems.push(`shortcut ${s.callbackId} is handled but not in the manifest`);
  for (const s of shortcuts)
    if (!surface.shortcuts.some((x) => x.callbackId === s))
      problems.push(`shortcut ${s} is in the manifest but not handled`);
  const interactive = surface.actions.length + surface.views.length + surface.shortcuts.length > 0;
  if (Boolean(m.settings?.interactivity?.is_enabled) !== interactive)
    problems.push(
      `interactivity must be ${interactive ? "on (buttons, modals or shortcuts are handled)" : "off"}`,
    );
  return problems;
}

function scopeReason(scope: string, surface: AppSurface, calls: WebApiCall[]): string {
  if (BEHAVIOUR_SCOPES[scope]) return BEHAVIOUR_SCOPES[scope]!;
  if (scope === "commands")
    return surface.commands.length ? `slash command ${surface.commands[0]}` : "shortcuts";
  const call = calls.find((c) => METHOD_SCOPES[c.method]?.[0] === scope);
  return call ? `${call.method} at ${call.at}` : "unknown";
}
