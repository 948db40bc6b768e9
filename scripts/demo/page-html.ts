/**
 * The demo transcript as one HTML page laid out like Slack: each step a scene; people's messages,
 * the bot's messages (ephemeral ones marked), modals and App Home as panels, uploads as file cards
 * (images with their preview), terminal sessions as terminals. Nothing is wider than the page.
 */
import { existsSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { type BlockContext, blocksHtml } from "./blocks-html.ts";
import { escapeHtml, mrkdwnHtml, plainHtml } from "./mrkdwn-html.ts";
import { PAGE_CSS } from "./page-css.ts";
import type { Entry } from "./transcript.ts";

export interface PageContext extends BlockContext {
  outDir: string;
  /** Extra CSS for the page, given the page's body (the emoji font pieces it needs). */
  fontCss?: (body: string) => string;
}

const AVATAR_COLOURS = ["#e8912d", "#2eb67d", "#36c5f0", "#e01e5a", "#4a154b", "#1264a3", "#9b59b6"];

function avatar(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w[0] ?? "")
    .join("");
  return `<div class="avatar" style="background:${AVATAR_COLOURS[h % AVATAR_COLOURS.length]}">${escapeHtml(initials)}</div>`;
}

function sizeText(path: string, outDir: string): string {
  try {
    const kb = statSync(join(outDir, path)).size / 1024;
    return kb < 1024 ? `${Math.max(1, Math.round(kb))} KB` : `${(kb / 1024).toFixed(1)} MB`;
  } catch {
    return "";
  }
}

/** Where the demo puts a PDF's first page as a PNG. */
export function pdfPreviewPath(pdfPath: string): string {
  return pdfPath.replace(/\.pdf$/i, "-page1.png");
}

function fileCard(e: Extract<Entry, { kind: "file" }>, ctx: PageContext): string {
  const ext = e.path ? extname(e.path).slice(1).toLowerCase() : "";
  // A PDF shows its first page, as Slack does (the demo renders it beside the file: pdfPreviewPath).
  const image =
    e.path && ["png", "jpg", "jpeg", "gif"].includes(ext)
      ? e.path
      : e.path && ext === "pdf" && existsSync(join(ctx.outDir, pdfPreviewPath(e.path)))
        ? pdfPreviewPath(e.path)
        : null;
  const preview = image
    ? `<a href="${escapeHtml(e.path!)}"><img class="preview" src="${escapeHtml(image)}" alt="${escapeHtml(e.title)}"></a>`
    : "";
  const meta = [ext.toUpperCase(), e.path ? sizeText(e.path, ctx.outDir) : ""].filter(Boolean).join(" · ");
  const card = `<a class="file-card" href="${escapeHtml(e.path ?? "#")}"><span class="file-icon ${escapeHtml(ext)}">${escapeHtml(ext.toUpperCase() || "FILE")}</span><span><span class="file-name">${plainHtml(e.title)}</span><span class="file-meta">${escapeHtml(meta)}</span></span></a>`;
  return `${preview}${card}`;
}

function message(who: string, avatarHtml: string, meta: string, body: string, cls = ""): string {
  return `<div class="msg${cls}">${avatarHtml}<div class="content"><div class="meta"><b>${escapeHtml(who)}</b>${meta}</div>${body}</div></div>`;
}

const BOT_AVATAR = '<div class="avatar app">S</div>';
const APP_TAG = ' <span class="app-tag">APP</span>';

function entryHtml(e: Entry, ctx: PageContext): string {
  switch (e.kind) {
    case "step":
      return "";
    case "user":
      return message(
        e.who,
        avatar(e.who),
        ` <span class="where">${escapeHtml(e.where)}</span>`,
        `<div class="typed">${plainHtml(e.text)}</div>`,
      );
    case "bot": {
      const only =
        e.ephemeralTo !== undefined
          ? ` <span class="only">Only visible to ${escapeHtml(e.ephemeralTo)}</span>`
          : "";
      const edited = e.edited ? ' <span class="only">(edited)</span>' : "";
      const body = e.blocks?.length
        ? blocksHtml(e.blocks, ctx)
        : `<div class="text">${mrkdwnHtml(e.text ?? "", ctx)}</div>`;
      return message(
        "sop bot",
        BOT_AVATAR,
        `${APP_TAG} <span class="where">${escapeHtml(e.where)}</span>${only}${edited}`,
        body,
        e.ephemeralTo !== undefined ? " ephemeral" : "",
      );
    }
    case "modal":
      return `<div class="panel modal"><div class="panel-title">${plainHtml(e.title)} <span>modal for ${escapeHtml(e.who)}</span></div>${blocksHtml(e.blocks, ctx)}</div>`;
    case "home":
      return `<div class="panel home"><div class="panel-title">App Home <span>as ${escapeHtml(e.who)} sees it</span></div>${blocksHtml(e.blocks, ctx)}</div>`;
    case "file":
      return message(
        "sop bot",
        BOT_AVATAR,
        `${APP_TAG} <span class="where">${escapeHtml(e.where)}</span>`,
        `${e.comment ? `<div class="text">${mrkdwnHtml(e.comment, ctx)}</div>` : ""}${fileCard(e, ctx)}`,
      );
    case "terminal":
      return `<pre class="terminal"><span class="prompt">$ ${escapeHtml(e.command)}</span>\n${escapeHtml(e.output.trimEnd())}</pre>`;
  }
}

/** The whole page: one `<section class="scene">` per demo step, titled by it. */
export function renderPage(title: string, entries: Entry[], ctx: PageContext): string {
  const scenes: string[] = [];
  let open = false;
  let n = 0;
  for (const e of entries) {
    if (e.kind === "step") {
      if (open) scenes.push("</section>");
      n++;
      scenes.push(
        `<section class="scene" id="scene-${n}" data-title="${escapeHtml(e.title)}"><h2>${escapeHtml(e.title)}</h2>`,
      );
      open = true;
      continue;
    }
    scenes.push(entryHtml(e, ctx));
  }
  if (open) scenes.push("</section>");
  const body = `<main><h1>${escapeHtml(title)}</h1>${scenes.join("\n")}</main>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title><style>${ctx.fontCss?.(body) ?? ""}${PAGE_CSS}</style></head><body>${body}</body></html>\n`;
}
