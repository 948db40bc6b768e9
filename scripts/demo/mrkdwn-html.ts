/**
 * Slack mrkdwn → HTML as Slack draws it: mention pills with the whole name, channel pills, links,
 * *bold*, _italic_, ~strike~, `code`, ```blocks```, "> " quotes, emoji, line breaks. Text arrives
 * with Slack's escaping (&amp; &lt; &gt;) and leaves HTML-escaped.
 */
import { emojify } from "./emoji.ts";

export interface Names {
  person(userId: string): string;
  channel(channelId: string): string;
}

export const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const unescapeSlack = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** Plain text (plain_text objects, typed commands): escaped, with emoji. */
export function plainHtml(s: string): string {
  return emojify(escapeHtml(s)).replace(/\n/g, "<br>");
}

/** `<@U1>`, `<#C1|name>`, `<!here>`, `<url|label>` → HTML, each kept out of the formatting passes. */
function special(inner: string, names: Names): string {
  if (inner.startsWith("@")) {
    return `<span class="mention">@${escapeHtml(names.person(inner.slice(1).split("|")[0]!))}</span>`;
  }
  if (inner.startsWith("#")) {
    const [id, label] = inner.slice(1).split("|");
    return `<span class="mention channel">#${escapeHtml(label || names.channel(id!))}</span>`;
  }
  if (inner.startsWith("!"))
    return `<span class="mention">@${escapeHtml(inner.slice(1).split("|")[0]!)}</span>`;
  const bar = inner.indexOf("|");
  const url = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? url : inner.slice(bar + 1);
  return `<a href="${escapeHtml(unescapeSlack(url))}">${emojify(escapeHtml(unescapeSlack(label)))}</a>`;
}

function inline(s: string): string {
  return s
    .replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,;:!?<])/g, "$1<b>$2</b>")
    .replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,;:!?<])/g, "$1<i>$2</i>")
    .replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s).,;:!?<])/g, "$1<s>$2</s>");
}

export function mrkdwnHtml(text: string, names: Names): string {
  const held: string[] = [];
  const hold = (html: string) => `\uE000${held.push(html) - 1}\uE000`;
  let s = text.replace(/<([^<>\s][^<>]*)>/g, (_m, inner: string) => hold(special(inner, names)));
  s = escapeHtml(unescapeSlack(s));
  // Code is shown as typed: no formatting and no emoji inside.
  s = s.replace(/```([\s\S]*?)```/g, (_m, code: string) => hold(`<pre>${code.replace(/^\n/, "")}</pre>`));
  s = s.replace(/`([^`\n]+)`/g, (_m, code: string) => hold(`<code>${code}</code>`));
  s = emojify(inline(s));
  // Quotes: consecutive lines starting with ">" become one quote block.
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join("<br>")}</blockquote>`);
    quote = [];
  };
  for (const line of s.split("\n")) {
    if (line.startsWith("&gt;")) quote.push(line.replace(/^&gt;\s?/, ""));
    else {
      flush();
      out.push(`${line}<br>`);
    }
  }
  flush();
  const html = out
    .join("")
    .replace(/<br>$/, "")
    .replace(/<br>(<blockquote>)/g, "$1");
  return html.replace(/\uE000(\d+)\uE000/g, (_m, i: string) => held[Number(i)]!);
}
