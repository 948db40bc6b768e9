/** The two pages a person sees in the browser at the end of an install: done, or what went wrong. */
import type { ServerResponse } from "node:http";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body style="font-family:sans-serif;max-width:40em;margin:4em auto"><h1>${escapeHtml(title)}</h1>${body}</body></html>`,
  );
}

export function installedPage(res: ServerResponse, workspace: string, teamId: string): void {
  page(
    res,
    200,
    "S&OP bot is installed",
    `<p>The S&amp;OP bot is now installed in <b>${escapeHtml(workspace)}</b>.</p>` +
      `<p>In Slack, an admin runs <code>/sop setup</code> to name the S&amp;OP and exec channels and the people of each phase; <code>/sop help</code> lists the rest.</p>` +
      `<p><a href="slack://app?team=${encodeURIComponent(teamId)}">Open Slack</a></p>`,
  );
}

export function installFailedPage(res: ServerResponse, code: string, ref: string): void {
  page(
    res,
    400,
    "The installation did not complete",
    `<p>Slack did not complete the installation (${escapeHtml(code)}). Nothing was installed; start again from the install link.</p>` +
      `<p>If it keeps failing, give your administrator this reference: <code>${escapeHtml(ref)}</code>.</p>`,
  );
}
