/**
 * The Web API methods the app's own code calls, found in its source: `client.chat.postMessage(`,
 * `ctx.client.views.open(`, `client.files.uploadV2(` (expanded to the calls it makes) and
 * `apiCall("x.y")`. Tests and the stand-in are not scanned: they are not the app.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { HELPER_METHODS, METHOD_SCOPES } from "./method-scopes.ts";

const APP_FOLDERS = ["commands", "jobs", "src", "views"];
const CALL = /\bclient\s*\.\s*([a-z]+)\s*\.\s*([a-zA-Z0-9]+)(?:\s*\.\s*([a-zA-Z0-9]+))?\s*\(/g;
const API_CALL = /\.apiCall\(\s*["']([a-z]+\.[a-zA-Z.]+)["']/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

export interface WebApiCall {
  method: string;
  /** file:line where the code calls it (the first such place). */
  at: string;
}

/** Every Web API method called under `root`, sorted; throws for a method whose scopes are not known. */
export function webApiCalls(root: string): WebApiCall[] {
  const found = new Map<string, string>();
  for (const folder of APP_FOLDERS) {
    for (const file of sourceFiles(join(root, folder))) {
      const text = readFileSync(file, "utf8");
      const note = (method: string, index: number) => {
        const at = `${relative(root, file)}:${text.slice(0, index).split("\n").length}`;
        for (const m of HELPER_METHODS[method] ?? [method]) if (!found.has(m)) found.set(m, at);
      };
      for (const m of text.matchAll(CALL)) note(m.slice(1).filter(Boolean).join("."), m.index);
      for (const m of text.matchAll(API_CALL)) note(m[1]!, m.index);
    }
  }
  const unknown = [...found].filter(([m]) => !(m in METHOD_SCOPES));
  if (unknown.length)
    throw new Error(
      `Web API methods with unknown scopes (add them to scripts/manifest/method-scopes.ts): ${unknown.map(([m, at]) => `${m} at ${at}`).join(", ")}`,
    );
  return [...found].map(([method, at]) => ({ method, at })).sort((a, b) => a.method.localeCompare(b.method));
}
