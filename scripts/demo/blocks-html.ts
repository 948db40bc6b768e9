/**
 * Block Kit blocks → HTML laid out as Slack shows them: sections with fields and accessories, context
 * lines, buttons and menus, images (public URLs and `slack_file` uploads), and input blocks with their
 * label, control, hint and "(optional)".
 */
import { escapeHtml, mrkdwnHtml, type Names, plainHtml } from "./mrkdwn-html.ts";

type Json = Record<string, unknown>;

export interface BlockContext extends Names {
  /** An uploaded file's path in demo-out/, by Slack file id. */
  fileSrc(fileId: string): string | undefined;
}

/** A text object (mrkdwn or plain_text) as HTML. */
function textHtml(t: unknown, ctx: BlockContext): string {
  if (typeof t !== "object" || t === null) return "";
  const o = t as Json;
  const s = String(o.text ?? "");
  return o.type === "mrkdwn" ? mrkdwnHtml(s, ctx) : plainHtml(s);
}

const plainOf = (t: unknown) => (typeof t === "object" && t !== null ? String((t as Json).text ?? "") : "");

function imageSrc(el: Json, ctx: BlockContext): string | undefined {
  if (typeof el.image_url === "string") return el.image_url;
  const file = el.slack_file as Json | undefined;
  if (file && typeof file.id === "string") return ctx.fileSrc(file.id);
  if (file && typeof file.url === "string") return file.url;
  return undefined;
}

function button(e: Json, ctx: BlockContext): string {
  const style = e.style === "primary" ? " primary" : e.style === "danger" ? " danger" : "";
  return `<span class="button${style}">${textHtml(e.text, ctx)}</span>`;
}

/** What a menu shows before it is opened: its chosen value(s), else its placeholder. */
function menuLabel(e: Json, ctx: BlockContext): { text: string; chosen: boolean } {
  const opt = (e.initial_option as Json | undefined)?.text;
  if (opt) return { text: plainHtml(plainOf(opt)), chosen: true };
  const opts = (e.initial_options as Json[] | undefined)?.map((o) => plainHtml(plainOf(o.text)));
  if (opts?.length) return { text: opts.join(", "), chosen: true };
  const users = (e.initial_users as string[] | undefined) ?? (e.initial_user ? [String(e.initial_user)] : []);
  if (users.length)
    return {
      text: users.map((u) => `<span class="mention">@${escapeHtml(ctx.person(u))}</span>`).join(" "),
      chosen: true,
    };
  const channel = (e.initial_conversation ?? e.initial_channel) as string | undefined;
  if (channel)
    return {
      text: `<span class="mention channel">#${escapeHtml(ctx.channel(channel))}</span>`,
      chosen: true,
    };
  return { text: plainHtml(plainOf(e.placeholder) || "Select an item"), chosen: false };
}

/** An interactive element inside an input, actions or section block. */
function element(e: Json, ctx: BlockContext): string {
  switch (e.type) {
    case "button":
      return button(e, ctx);
    case "image":
      return `<img class="thumb" src="${escapeHtml(imageSrc(e, ctx) ?? "")}" alt="${escapeHtml(String(e.alt_text ?? ""))}">`;
    case "plain_text_input":
    case "number_input":
    case "email_text_input":
    case "url_text_input": {
      const value = typeof e.initial_value === "string" && e.initial_value !== "" ? e.initial_value : null;
      const cls = `textbox${e.multiline ? " multiline" : ""}${value === null ? " placeholder" : ""}`;
      return `<div class="${cls}">${value !== null ? plainHtml(value) : plainHtml(plainOf(e.placeholder))}</div>`;
    }
    case "file_input": {
      const types = (e.filetypes as string[] | undefined)?.map((t) => `.${t}`).join(", ");
      return `<div class="dropzone"><b>Drag and drop or click to upload</b>${types ? `<small>${escapeHtml(types)}${e.max_files ? ` · up to ${Number(e.max_files)} file${Number(e.max_files) === 1 ? "" : "s"}` : ""}</small>` : ""}</div>`;
    }
    case "datepicker":
      // plainHtml draws the 📅 in the emoji font, as every other emoji on the page.
      return `<div class="select">${plainHtml(`📅 ${String(e.initial_date ?? plainOf(e.placeholder) ?? "Select a date")}`)}</div>`;
    case "checkboxes":
    case "radio_buttons": {
      const chosen = new Set(
        [
          ...((e.initial_options as Json[]) ?? []),
          ...(e.initial_option ? [e.initial_option as Json] : []),
        ].map((o) => String(o.value)),
      );
      const mark = e.type === "checkboxes" ? ["☐", "☑"] : ["○", "◉"];
      return `<div class="choices">${((e.options as Json[]) ?? []).map((o) => `<div>${mark[chosen.has(String(o.value)) ? 1 : 0]} ${textHtml(o.text, ctx)}</div>`).join("")}</div>`;
    }
    case "overflow":
      return `<span class="button">⋯</span>`;
    default: {
      // static, users, channels, conversations and external menus, single or multi.
      const { text, chosen } = menuLabel(e, ctx);
      return `<div class="select${chosen ? "" : " placeholder"}">${text}<span class="caret">▾</span></div>`;
    }
  }
}

function block(b: Json, ctx: BlockContext): string {
  switch (b.type) {
    case "header":
      return `<div class="header">${textHtml(b.text, ctx)}</div>`;
    case "section": {
      const fields = (b.fields as unknown[]) ?? [];
      const acc = b.accessory as Json | undefined;
      const body = `${b.text ? `<div class="text">${textHtml(b.text, ctx)}</div>` : ""}${fields.length ? `<div class="fields">${fields.map((f) => `<div>${textHtml(f, ctx)}</div>`).join("")}</div>` : ""}`;
      return `<div class="section"><div class="section-body">${body}</div>${acc ? `<div class="accessory">${element(acc, ctx)}</div>` : ""}</div>`;
    }
    case "context":
      return `<div class="context">${((b.elements as Json[]) ?? [])
        .map((e) =>
          e.type === "image"
            ? `<img src="${escapeHtml(imageSrc(e, ctx) ?? "")}" alt="${escapeHtml(String(e.alt_text ?? ""))}">`
            : `<span>${textHtml(e, ctx)}</span>`,
        )
        .join(" ")}</div>`;
    case "actions":
      return `<div class="actions">${((b.elements as Json[]) ?? []).map((e) => element(e, ctx)).join("")}</div>`;
    case "divider":
      return "<hr>";
    case "image": {
      const src = imageSrc(b, ctx);
      return `<figure>${b.title ? `<figcaption>${textHtml(b.title, ctx)}</figcaption>` : ""}<img src="${escapeHtml(src ?? "")}" alt="${escapeHtml(String(b.alt_text ?? ""))}"></figure>`;
    }
    case "input": {
      const label = `<div class="label">${textHtml(b.label, ctx)}${b.optional ? ' <span class="optional">(optional)</span>' : ""}</div>`;
      const hint = b.hint ? `<div class="hint">${textHtml(b.hint, ctx)}</div>` : "";
      return `<div class="input">${label}${element(b.element as Json, ctx)}${hint}</div>`;
    }
    case "rich_text":
      return `<div class="text">${((b.elements as Json[]) ?? [])
        .map((el) => ((el.elements as Json[]) ?? []).map((t) => plainHtml(String(t.text ?? ""))).join(""))
        .join("<br>")}</div>`;
    default:
      return "";
  }
}

export function blocksHtml(blocks: unknown[] | undefined, ctx: BlockContext): string {
  return (blocks ?? []).map((b) => block(b as Json, ctx)).join("\n");
}
