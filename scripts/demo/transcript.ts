/**
 * The demo's record of the conversation, built from what the driver sent and what the Slack stand-in
 * received, rendered as plain text and as HTML roughly as Slack shows it.
 */
import type { SlackStandIn } from "../../test/support/slack-standin.ts";

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

  html(title: string): string {
    return renderHtml(title, this.entries, this);
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

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Slack mrkdwn → HTML: mentions, links, *bold*, _italic_, `code`, ~strike~, line breaks. */
function mrkdwn(s: string, t: Transcript): string {
  let h = esc(slackToPlain(s, t));
  h = h.replace(/```([\s\S]*?)```/g, "<pre>$1</pre>");
  h = h.replace(/`([^`]+)`/g, "<code>$1</code>");
  h = h.replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<b>$2</b>");
  h = h.replace(/(^|[\s(])_([^_\n]+)_/g, "$1<i>$2</i>");
  h = h.replace(/(^|[\s(])~([^~\n]+)~/g, "$1<s>$2</s>");
  h = h.replace(/(@[A-Z][\w .&-]*?)(?=[\s,.;:)]|$)/g, '<span class="mention">$1</span>');
  h = h.replace(/:([a-z0-9_+-]+):/g, (_m, name: string) => EMOJI[name] ?? `:${name}:`);
  return h.replace(/\n/g, "<br>");
}

const EMOJI: Record<string, string> = {
  white_check_mark: "✅",
  warning: "⚠️",
  x: "❌",
  hourglass: "⏳",
  calendar: "📅",
  large_green_circle: "🟢",
  large_yellow_circle: "🟡",
  red_circle: "🔴",
  white_circle: "⚪",
  arrow_up: "⬆️",
  arrow_down: "⬇️",
  arrow_right: "➡️",
  bell: "🔔",
  rotating_light: "🚨",
  memo: "📝",
  chart_with_upwards_trend: "📈",
  thinking_face: "🤔",
  inbox_tray: "📥",
  lock: "🔒",
  tada: "🎉",
  pencil2: "✏️",
  bar_chart: "📊",
  hammer_and_wrench: "🛠️",
  heavy_minus_sign: "➖",
  small_red_triangle: "🔺",
  small_red_triangle_down: "🔻",
  mag: "🔍",
  clipboard: "📋",
  moneybag: "💰",
  factory: "🏭",
};

function blocksHtml(blocks: unknown[] | undefined, t: Transcript): string {
  return (blocks ?? [])
    .map((raw) => {
      const b = raw as Json;
      switch (b.type) {
        case "header":
          return `<div class="header">${esc(plain(b.text))}</div>`;
        case "section": {
          const acc = b.accessory as Json | undefined;
          const fields = (b.fields as unknown[]) ?? [];
          return `<div class="section"><div class="section-body">${b.text ? `<div>${mrkdwn(plain(b.text), t)}</div>` : ""}${fields.length ? `<div class="fields">${fields.map((f) => `<div>${mrkdwn(plain(f), t)}</div>`).join("")}</div>` : ""}</div>${acc?.type === "button" ? button(acc) : acc?.type === "image" ? `<img class="thumb" src="${esc(String(acc.image_url))}" alt="${esc(String(acc.alt_text))}">` : ""}</div>`;
        }
        case "context":
          return `<div class="context">${((b.elements as Json[]) ?? []).map((e) => (e.type === "image" ? `<img src="${esc(String(e.image_url))}" alt="">` : `<span>${mrkdwn(String(e.text ?? ""), t)}</span>`)).join(" ")}</div>`;
        case "actions":
          return `<div class="actions">${((b.elements as Json[]) ?? []).map((e) => (e.type === "button" ? button(e) : `<span class="select">${esc(plain(e.placeholder) || String(e.type))} ▾</span>`)).join("")}</div>`;
        case "divider":
          return "<hr>";
        case "image":
          return `<figure><figcaption>${esc(plain(b.title))}</figcaption><img src="${esc(String(b.image_url))}" alt="${esc(String(b.alt_text))}"></figure>`;
        case "input": {
          const el = b.element as Json;
          const multiline = el?.multiline ? " multiline" : "";
          const placeholder = plain(el?.placeholder) || String(el?.type ?? "");
          return `<label class="input"><span>${esc(plain(b.label))}${b.optional ? " <em>(optional)</em>" : ""}</span><span class="field${multiline}">${esc(placeholder)}</span>${b.hint ? `<small>${esc(plain(b.hint))}</small>` : ""}</label>`;
        }
        default:
          return "";
      }
    })
    .join("\n");
}

function button(e: Json): string {
  const style = e.style === "primary" ? " primary" : e.style === "danger" ? " danger" : "";
  return `<span class="button${style}">${esc(plain(e.text))}</span>`;
}

function renderHtml(title: string, entries: Entry[], t: Transcript): string {
  const body = entries
    .map((e) => {
      switch (e.kind) {
        case "step":
          return `<h2>${esc(e.title)}</h2>`;
        case "user":
          return `<div class="msg user"><div class="avatar">${esc(e.who.slice(0, 1))}</div><div><div class="meta"><b>${esc(e.who)}</b> <span>${esc(e.where)}</span></div><div class="typed">${esc(e.text)}</div></div></div>`;
        case "bot":
          return `<div class="msg bot${e.ephemeralTo ? " ephemeral" : ""}"><div class="avatar app">S</div><div class="content"><div class="meta"><b>sop bot</b> <span class="app-tag">APP</span> <span>${esc(e.where)}</span>${e.ephemeralTo ? ` <span class="only">Only visible to ${esc(e.ephemeralTo)}</span>` : ""}${e.edited ? ' <span class="only">(edited)</span>' : ""}</div>${e.blocks?.length ? blocksHtml(e.blocks, t) : `<div>${mrkdwn(e.text ?? "", t)}</div>`}</div></div>`;
        case "modal":
          return `<div class="modal"><div class="modal-title">${esc(e.title)} <span>— modal for ${esc(e.who)}</span></div>${blocksHtml(e.blocks, t)}</div>`;
        case "home":
          return `<div class="home"><div class="modal-title">App Home <span>— as ${esc(e.who)} sees it</span></div>${blocksHtml(e.blocks, t)}</div>`;
        case "file":
          return `<div class="msg bot"><div class="avatar app">S</div><div class="content"><div class="meta"><b>sop bot</b> <span class="app-tag">APP</span> <span>${esc(e.where)}</span></div>${e.comment ? `<div>${mrkdwn(e.comment, t)}</div>` : ""}<div class="file">${e.path ? `<img src="${esc(e.path)}" alt="${esc(e.title)}">` : ""}<div>📎 ${esc(e.title)}</div></div></div></div>`;
        case "terminal":
          return `<pre class="terminal">$ ${esc(e.command)}\n${esc(e.output.trimEnd())}</pre>`;
        default:
          return "";
      }
    })
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>\n`;
}

const CSS = `
body{margin:0;background:#f8f8f8;font:15px/1.46 -apple-system,"Segoe UI","DejaVu Sans",Helvetica,Arial,sans-serif;color:#1d1c1d}
main{max-width:900px;margin:0 auto;padding:24px;background:#fff;min-height:100vh}
h1{font-size:22px;margin:0 0 8px}h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#616061;border-top:1px solid #ddd;padding-top:14px;margin:26px 0 10px}
.msg{display:flex;gap:10px;padding:6px 8px;border-radius:6px}.msg:hover{background:#f8f8f8}
.avatar{flex:0 0 36px;height:36px;border-radius:6px;background:#e8912d;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center}
.avatar.app{background:#0b3d5c}.content{flex:1;min-width:0}
.meta{font-size:15px}.meta span{color:#616061;font-size:12px}.app-tag{background:#ddd;border-radius:3px;padding:0 3px;font-size:10px!important;font-weight:700}
.only{font-style:italic}.ephemeral{background:#f4f9fc}
.typed{font-family:Menlo,Consolas,"DejaVu Sans Mono",monospace;font-size:14px}
.header{font-weight:900;font-size:18px;margin:4px 0}
.section{display:flex;justify-content:space-between;gap:12px;margin:4px 0}.section-body{flex:1;min-width:0}
.fields{display:grid;grid-template-columns:1fr 1fr;gap:4px 16px;margin-top:4px}
.context{color:#616061;font-size:12px;margin:4px 0}.context img{height:16px;vertical-align:middle}
.actions{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0}
.button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-weight:700;font-size:13px;background:#fff}
.button.primary{background:#007a5a;color:#fff;border-color:#007a5a}.button.danger{color:#e01e5a;border-color:#e01e5a}
.select{border:1px solid #bbb;border-radius:4px;padding:3px 10px;font-size:13px}
hr{border:0;border-top:1px solid #ddd;margin:8px 0}
code{background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;color:#e01e5a;font-size:12px}
pre{background:#f6f6f6;border:1px solid #ddd;border-radius:4px;padding:8px;white-space:pre-wrap}
.terminal{background:#1d1c1d;color:#e8e8e8;border:0;font-size:12px}
.mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
figure{margin:8px 0}figure img,.file img{max-width:100%;border:1px solid #ddd;border-radius:6px}figcaption{font-size:12px;color:#616061}
.file{margin-top:6px;font-size:13px;color:#616061}.thumb{width:64px;height:64px;border-radius:6px}
.modal,.home{border:1px solid #ccc;border-radius:10px;box-shadow:0 4px 14px rgba(0,0,0,.12);margin:12px 40px;padding:12px 18px;background:#fff}
.home{margin:12px 0;border-style:dashed}
.modal-title{font-weight:900;font-size:18px;border-bottom:1px solid #eee;padding-bottom:8px;margin-bottom:8px}.modal-title span{font-weight:400;font-size:12px;color:#616061}
.input{display:block;margin:8px 0}.input>span{display:block;font-weight:700;font-size:14px}
.field{display:block;border:1px solid #bbb;border-radius:4px;padding:6px 8px;color:#888;font-size:13px}.field.multiline{min-height:60px}
.input small{color:#616061}
`;
