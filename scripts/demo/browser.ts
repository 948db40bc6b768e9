/**
 * Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: JSON
 * messages ending in NUL on file descriptors 3 and 4), for screenshots and checks of the demo page.
 * No WebSocket, no extra package: the browser is Debian's `chromium` (or CHROMIUM=/path).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { findOnPath } from "../../src/db/ferretdb-build.ts";

/** The browser to use: CHROMIUM, else chromium, chromium-browser or google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM) return env.CHROMIUM;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    const found = findOnPath(name, env);
    if (found) return found;
  }
  return null;
}

type Json = Record<string, unknown>;

export class Browser {
  private seq = 0;
  private buffer = "";
  private readonly pending = new Map<number, { resolve(v: Json): void; reject(e: Error): void }>();
  private readonly listeners: ((method: string, params: Json, sessionId?: string) => void)[] = [];
  private session = "";

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const out = child.stdio[4] as Readable;
    out.setEncoding("utf8");
    out.on("data", (chunk: string) => {
      this.buffer += chunk;
      for (let end = this.buffer.indexOf("\0"); end >= 0; end = this.buffer.indexOf("\0")) {
        const msg = JSON.parse(this.buffer.slice(0, end)) as Json;
        this.buffer = this.buffer.slice(end + 1);
        this.dispatch(msg);
      }
    });
    child.once("exit", () => {
      for (const p of this.pending.values()) p.reject(new Error("chromium exited"));
      this.pending.clear();
    });
  }

  static async launch(width = 1000, height = 1400): Promise<Browser> {
    const bin = findChromium();
    if (!bin)
      throw new Error("chromium not found: install Debian's chromium (or set CHROMIUM=/path/to/chrome)");
    const profile = mkdtempSync(join(tmpdir(), "sop-chromium-"));
    const child = spawn(
      bin,
      [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--allow-file-access-from-files",
        `--user-data-dir=${profile}`,
        `--window-size=${width},${height}`,
        "--remote-debugging-pipe",
        "about:blank",
      ],
      { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
    );
    const browser = new Browser(child, profile);
    const { targetInfos } = (await browser.send("Target.getTargets")) as { targetInfos: Json[] };
    const page = targetInfos.find((t) => t.type === "page");
    if (!page) throw new Error("chromium opened no page");
    const { sessionId } = (await browser.send("Target.attachToTarget", {
      targetId: page.targetId,
      flatten: true,
    })) as { sessionId: string };
    browser.session = sessionId;
    await browser.page("Page.enable");
    await browser.page("Emulation.setDeviceMetricsOverride", {
      width,
      height,
      deviceScaleFactor: 1,
      mobile: false,
    });
    return browser;
  }

  private dispatch(msg: Json): void {
    if (typeof msg.id === "number") {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error) p.reject(new Error(`chromium: ${JSON.stringify(msg.error)}`));
      else p.resolve((msg.result as Json) ?? {});
      return;
    }
    for (const l of this.listeners)
      l(String(msg.method), (msg.params as Json) ?? {}, msg.sessionId as string | undefined);
  }

  private send(method: string, params: Json = {}, sessionId?: string): Promise<Json> {
    const id = ++this.seq;
    const pipe = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      pipe.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** A command to the page. */
  page(method: string, params: Json = {}): Promise<Json> {
    return this.send(method, params, this.session);
  }

  /** Opens `url` and waits for its load event (images included). */
  async open(url: string): Promise<void> {
    const loaded = new Promise<void>((resolve) => {
      this.listeners.push((method) => {
        if (method === "Page.loadEventFired") resolve();
      });
    });
    await this.page("Page.navigate", { url });
    await loaded;
    // Web fonts (the emoji font) load after the load event when first used.
    await this.evaluate("document.fonts.ready.then(() => true)");
  }

  /** The value of a JavaScript expression in the page (promises awaited). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = (await this.page("Runtime.evaluate", {
      expression,
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value: T }; exceptionDetails?: Json };
    if (r.exceptionDetails) throw new Error(`page script failed: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  }

  /** A PNG of the region (page coordinates), or of the whole page. */
  async screenshot(clip?: { x: number; y: number; width: number; height: number }): Promise<Buffer> {
    const area =
      clip ??
      (await this.evaluate<{ x: number; y: number; width: number; height: number }>(
        "({ x: 0, y: 0, width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })",
      ));
    const { data } = (await this.page("Page.captureScreenshot", {
      format: "png",
      captureBeyondViewport: true,
      clip: { ...area, scale: 1 },
    })) as { data: string };
    return Buffer.from(data, "base64");
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once("exit", () => resolve());
    });
    await this.send("Browser.close").catch(() => {});
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
    rmSync(this.profile, { recursive: true, force: true });
  }
}
