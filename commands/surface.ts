/**
 * What the app answers, as Slack must be told in the app's manifest: slash commands, shortcuts, events,
 * and whether there is interactivity. Recorded from the registrations themselves (App.command, .action,
 * .view, .shortcut, .event, .options), so a new listener can never be missing from the manifest.
 */
import type { App } from "@slack/bolt";

export interface AppSurface {
  commands: string[];
  actions: string[];
  views: string[];
  /** callback_id and, when the registration names it, the kind (`shortcut` global, `message_action`). */
  shortcuts: { callbackId: string; type?: string }[];
  events: string[];
  /** External select menus (`app.options`): they need the manifest's options load URL. */
  options: string[];
}

const idOf = (constraint: unknown, key: string): string => {
  if (typeof constraint === "string") return constraint;
  if (constraint instanceof RegExp) return constraint.source;
  const v = (constraint as Record<string, unknown> | null)?.[key];
  return typeof v === "string" ? v : String(v instanceof RegExp ? v.source : v);
};

/** Wraps the registration methods of `app` to record each call; returns the record, filled as they run. */
export function recordSurface(app: App): AppSurface {
  const surface: AppSurface = {
    commands: [],
    actions: [],
    views: [],
    shortcuts: [],
    events: [],
    options: [],
  };
  const wrap = <K extends "command" | "action" | "view" | "shortcut" | "event" | "options">(
    method: K,
    note: (first: unknown) => void,
  ) => {
    const original = app[method].bind(app) as (...args: unknown[]) => void;
    (app as unknown as Record<K, (...args: unknown[]) => void>)[method] = (...args: unknown[]) => {
      note(args[0]);
      original(...args);
    };
  };
  wrap("command", (c) => surface.commands.push(idOf(c, "command")));
  wrap("action", (c) => surface.actions.push(idOf(c, "action_id")));
  wrap("view", (c) => surface.views.push(idOf(c, "callback_id")));
  wrap("event", (c) => surface.events.push(idOf(c, "type")));
  wrap("options", (c) => surface.options.push(idOf(c, "action_id")));
  wrap("shortcut", (c) => {
    const type = typeof c === "object" && c !== null ? (c as { type?: unknown }).type : undefined;
    surface.shortcuts.push({
      callbackId: idOf(c, "callback_id"),
      ...(typeof type === "string" ? { type } : {}),
    });
  });
  return surface;
}
