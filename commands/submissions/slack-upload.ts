/**
 * A CSV file uploaded in a modal's file input: files.info for its name, size and private link, then the
 * bytes fetched with the bot token (Slack serves private files only with it) and decoded as UTF-8.
 * Every failure is a UserError that names the file, shown under the input or in the progress view.
 */
import type { WebClient } from "@slack/web-api";
import { UserError } from "../../src/errors.ts";
import { decodeCsvBytes } from "../../src/plans/plan-csv.ts";
import { looksLikeXlsx } from "../../src/plans/plan-xlsx.ts";

export interface SlackUpload {
  url: string;
  name: string;
  size: number;
}

/** How big a file may be, and what to tell someone whose file is bigger. */
export interface UploadLimit {
  maxBytes: number;
  tooLarge: (name: string) => string;
}

/** Slack's error code from a Web API failure, for logs and messages. */
const slackError = (err: unknown): string =>
  (err as { data?: { error?: string } }).data?.error ?? "files.info failed";

export async function uploadInfo(
  client: WebClient,
  fileId: string,
  limit: UploadLimit,
): Promise<SlackUpload> {
  const info = await client.files.info({ file: fileId }).catch((err) => {
    throw new UserError(
      "bad_input",
      `The uploaded file cannot be read (${slackError(err)}); upload it again.`,
    );
  });
  const file = info.file;
  const name = file?.name ?? fileId;
  if (!file?.url_private_download)
    throw new UserError("bad_input", `${name} has no download link; upload it again.`);
  const size = file.size ?? 0;
  if (size > limit.maxBytes) throw new UserError("bad_input", limit.tooLarge(name));
  return { url: file.url_private_download, name, size };
}

/** Fetches the bytes with the calling workspace's token (`client.token`), the only one Slack accepts. */
async function downloadBytes(
  file: SlackUpload,
  client: WebClient,
  timeoutMs: number,
  limit: UploadLimit,
): Promise<Uint8Array> {
  const res = await fetch(file.url, {
    headers: { authorization: `Bearer ${client.token ?? ""}` },
    signal: AbortSignal.timeout(timeoutMs),
  }).catch(() => null);
  if (!res?.ok)
    throw new UserError("bad_input", `${file.name} could not be downloaded from Slack; upload it again.`);
  // An unauthorised fetch can come back as Slack's sign-in page with status 200: never parse that as CSV.
  if (/text\/html/i.test(res.headers.get("content-type") ?? "")) {
    await res.body?.cancel();
    throw new UserError(
      "bad_input",
      `Could not read the file ${file.name}: Slack sent a web page instead of the file (the app may not have access to it). Upload it again, or paste the CSV.`,
    );
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > limit.maxBytes) throw new UserError("bad_input", limit.tooLarge(file.name));
  return bytes;
}

function decoded(file: SlackUpload, bytes: Uint8Array): string {
  const d = decodeCsvBytes(bytes);
  if (!d.ok) throw new UserError("bad_input", `${file.name}: ${d.problem}`);
  return d.text;
}

/** The uploaded file as CSV text (UTF-8), or a UserError naming the file. */
export async function downloadCsv(
  file: SlackUpload,
  client: WebClient,
  timeoutMs: number,
  limit: UploadLimit,
): Promise<string> {
  return decoded(file, await downloadBytes(file, client, timeoutMs, limit));
}

/** A plan file: an Excel workbook (by name or by its zip signature) as bytes, anything else as CSV text. */
export async function downloadPlanFile(
  file: SlackUpload,
  client: WebClient,
  timeoutMs: number,
  limit: UploadLimit,
): Promise<{ csv: string } | { xlsx: Uint8Array }> {
  const bytes = await downloadBytes(file, client, timeoutMs, limit);
  return looksLikeXlsx(bytes, file.name) ? { xlsx: bytes } : { csv: decoded(file, bytes) };
}
