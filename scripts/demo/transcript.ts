/**
 * The demo's record of the conversation, built from what the driver sent and what the Slack stand-in
 * received, rendered as plain text and (scripts/demo/page-html.ts) as HTML laid out as Slack shows it.
 */
import type { SlackStandIn } from "../../test/support/slack-standin.ts";
import { emojiFontCss } from "./emoji-font.ts";
import { renderPage } from "./page-html.ts";

type Json = Record<string, unknown>;

export type Entry =
  | { kind: "step"; title: string }
  | { kind: "user"; who: string; where: string; text: string }
  | { kind: "bot"; where: string; text?: string; blocks?: unknown[]; ephemeralTo?: string; edited?: boolean }
  | { kind: "modal"; who: string; title: string; blocks: unknown[] }
  | { kind: "home"; who: string; blocks: unknown[] }
  | { kind: "file"; where: string; title: string; path?: string; comment?: string }
  | { kind: "terminal"; command: string; output: string };

export class Transcript {
  readonly entries: Entry[] = [];
  private seenCalls = 0;
  private seenResponses = 0;
  /** App Home publishes are recorded only when a step asks to (every phase change refreshes them). */
  showHomes = false;
  /** Uploaded file id → its file in demo-out/ (for `slack_file` images and file cards). */
  fileLinks: Map<string, string> = new Map();

  constructor(
    private readonly standIn: SlackStandIn,
    private readonly names: Map<string, string>,
    private readonly channelNames: Map<string, string>,
  ) {}

  name(userId: string): string {
    return this.names.get(userId) ?? userId;
  }

  where(channel: string): string {
    // A post to a user id lands in the DM with that user, as does one to the stand-in's D-prefixed DM id.
    if (/^[UW]/.test(channel)) return `DM to ${this.name(channel)}`;
    if (channel.startsWith("D")) return `DM to ${this.name(channel.slice(1))}`;
    return `#${this.channelNames.get(channel) ?? channel}`;
  }

  step(title: string): void {
    this.entries.push({ kind: "step", title });
  }

  user(userId: string, where: string, text: string): void {
    this.entries.push({ kind: "user", who: this.name(userId), where, text });
  }

  terminal(command: string, output: string): void {
    this.entries.push({ kind: "terminal", command, output });
  }

  /** Pulls in everything the app sent to Slack since the last call, in order. */
  collect(fileLinks: Map<string, string> = new Map()): void {
    this.fileLinks = fileLinks;
    const calls = this.standIn.calls.slice(this.seenCalls);
    this.seenCalls = this.standIn.calls.length;
    const responses = this.standIn.responses.slice(this.seenResponses);
    this.seenResponses = this.standIn.responses.length;
    type Timed = { at: number; entry: Entry };
    const timed: Timed[] = [];
    for (const r of responses) {
      timed.push({
        at: r.at,
        entry: {
          kind: "bot",
          where: "#s-and-op",
          text: r.body.text as string,
          blocks: r.body.blocks as unknown[],
          ephemeralTo: "you",
        },
      });
    }
    for (const c of calls) {
      if (!c.ok) continue;
      const a = c.args;
      switch (c.method) {
        case "chat.postMessage":
          timed.push({
            at: c.at,
            entry: {
              kind: "bot",
              where: this.where(String(a.channel)),
              text: a.text as string,
              blocks: a.blocks as unknown[],
            },
          });
          break;
        case "chat.postEphemeral":
          timed.push({
            at: c.at,
            entry: {
              kind: "bot",
              where: this.where(String(a.channel)),
              text: a.text as string,
              blocks: a.blocks as unknown[],
              ephemeralTo: this.name(String(a.user)),
            },
          });
          break;
        case "chat.update":
          timed.push({
            at: c.at,
            entry: {
              kind: "bot",
              where: this.where(String(a.channel)),
              text: a.text as string,
              blocks: a.blocks as unknown[],
              edited: true,
            },
          });
          break;
        case "views.open":
        case "views.push":
        case "views.update": {
          const view = a.view as Json;
          const opened = [...this.standIn.views.values()].find((v) => v.triggerId === a.trigger_id);
          timed.push({
            at: c.at,
            entry: {
              kind: "modal",
              who: this.name(opened?.userId ?? "?"),
              title: String((view.title as Json)?.text ?? ""),
              blocks: (view.blocks as unknown[]) ?? [],
            },
          });
          break;
        }
        case "views.publish":
          if (!this.showHomes) break;
          timed.push({
            at: c.at,
            entry: {
              kind: "home",
              who: this.name(String(a.user_id)),
              blocks: ((a.view as Json).blocks as unknown[]) ?? [],
            },
          });
          break;
        case "files.completeUploadExternal": {
          const files = (typeof a.files === "string" ? JSON.parse(a.files) : a.files) as {
            id: string;
            title?: string;
          }[];
          for (const f of files) {
            timed.push({
              at: c.at,
              entry: {
                kind: "file",
                where: a.channel_id ? this.where(String(a.channel_id)) : "(not shared)",
                title: f.title ?? f.id,
                path: fileLinks.get(f.id),
                comment: a.initial_comment as string | undefined,
              },
            });
          }
          break;
        }
      }
    }
    timed.sort((x, y) => x.at - y.at);
    for (const t of timed) this.entries.push(t.entry);
  }

  text(): string {
    return this.entries.map((e) => renderEntryText(e, this)).join("\n");
  }

  channelName(channelId: string): string {
    return this.channelNames.get(channelId) ?? channelId;
  }

  /** The page; `outDir` is where the uploaded files were written (file cards show their size). */
  html(title: string, outDir: string): string {
    return renderPage(title, this.entries, {
      person: (id) => this.name(id),
      channel: (id) => this.channelName(id),
      fileSrc: (id) => this.fileLinks.get(id),
      outDir,
      fontCss: (body) => emojiFontCss(body, outDir),
    });
  }
}

function plain(t: unknown): string {
  return typeof t === "object" && t !== null ? String((t as Json).text ?? "") : "";
}

export function slackToPlain(s: string, t: Transcript): string {
  return s
    .replace(/<@([UW][A-Z0-9]+)>/g, (_m, id: string) => `@${t.name(id)}`)
    .replace(/<#([CGD][A-Z0-9]+)(\|[^>]*)?>/g, (_m, id: string) => t.where(id))
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function blocksText(blocks: unknown[] | undefined, t: Transcript, indent: string): string[] {
  const out: string[] = [];
  for (const raw of blocks ?? []) {
    const b = raw as Json;
    switch (b.type) {
      case "header":
        out.push(`${indent}== ${plain(b.text)} ==`);
        break;
      case "section": {
        if (b.text)
          out.push(
            ...slackToPlain(plain(b.text), t)
              .split("\n")
              .map((l) => indent + l),
          );
        for (const f of (b.fields as unknown[]) ?? [])
          out.push(`${indent}  ${slackToPlain(plain(f), t).replace(/\n/g, " ")}`);
        const acc = b.accessory as Json | undefined;
        if (acc?.type === "button") out.push(`${indent}  [${plain(acc.text)}]`);
        break;
      }
      case "context":
        out.push(
          `${indent}  (${((b.elements as Json[]) ?? []).map((e) => slackToPlain(String(e.text ?? e.alt_text ?? ""), t)).join(" · ")})`,
        );
        break;
      case "actions":
        out.push(
          `${indent}${((b.elements as Json[]) ?? []).map((e) => `[${plain(e.text) || plain(e.placeholder) || String(e.type)}]`).join(" ")}`,
        );
        break;
      case "divider":
        out.push(`${indent}${"-".repeat(40)}`);
        break;
      case "image":
        out.push(`${indent}[image: ${String(b.alt_text ?? "")}]`);
        break;
      case "input":
        out.push(`${indent}${plain(b.label)}: [${String((b.element as Json)?.type ?? "")}]`);
        break;
    }
  }
  return out;
}

function renderEntryText(e: Entry, t: Transcript): string {
  switch (e.kind) {
    case "step":
      return `\n### ${e.title}`;
    case "user":
      return `${e.who} in ${e.where}: ${e.text}`;
    case "bot": {
      const head = `sop bot in ${e.where}${e.ephemeralTo && e.ephemeralTo !== "you" ? ` (only visible to ${e.ephemeralTo})` : ""}${e.edited ? " (edited)" : ""}:`;
      const body = e.blocks?.length
        ? blocksText(e.blocks, t, "    ")
        : [`    ${slackToPlain(e.text ?? "", t)}`];
      return [head, ...body].join("\n");
    }
    case "modal":
      return [`[modal for ${e.who}] ${e.title}`, ...blocksText(e.blocks, t, "    ")].join("\n");
    case "home":
      return [`[App Home of ${e.who}]`, ...blocksText(e.blocks, t, "    ")].join("\n");
    case "file":
      return `sop bot in ${e.where}: [file] ${e.title}${e.path ? ` → ${e.path}` : ""}${e.comment ? `\n    ${slackToPlain(e.comment, t)}` : ""}`;
    case "terminal":
      return `$ ${e.command}\n${e.output.trimEnd()}`;
  }
}
