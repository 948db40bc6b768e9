/**
 * `npm run demo` is also a smoke test: it drives the same app through the same stand-in. Its HTML
 * page is opened in headless Chromium and must render like Slack: no emoji code left as text, every
 * emoji drawn with the emoji font, no broken image, nothing wider than the page; the executive scenes
 * are screenshot and must show the dashboard's KPIs and charts. Run with --keep, so the month stays
 * in the database for the `sop` CLI.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../../scripts/demo/browser.ts";
import { keptMarker } from "../../scripts/demo/database.ts";
import { pageProblems } from "../../scripts/demo/page-check.ts";
import { EXECUTIVE_SCENES, screenshotScenes } from "../../scripts/demo/screenshot.ts";
import { repoRoot } from "../../src/db/provision.ts";
import { pixelStats, pngSize } from "../charts/png.ts";
import { testDatabaseUri } from "../support/database.ts";

const out = join(repoRoot, "demo-out");
const env = { ...process.env, MONGODB_URI: testDatabaseUri("demo"), LOG_LEVEL: "warn" };

describe("npm run demo -- --keep", () => {
  let stdout = "";
  let browser: Browser;
  beforeAll(async () => {
    const r = spawnSync("npm", ["run", "-s", "demo", "--", "--keep"], {
      cwd: repoRoot,
      env,
      encoding: "utf8",
      timeout: 240_000,
    });
    stdout = r.stdout;
    if (r.status !== 0) throw new Error(`demo failed (${r.status}): ${r.stderr.slice(-3000)}`);
    browser = await Browser.launch(1000, 1400);
    await browser.open(pathToFileURL(join(out, "index.html")).href);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(keptMarker(env.MONGODB_URI), { force: true });
  });

  it("writes the transcript and the HTML page", () => {
    const text = readFileSync(join(out, "transcript.txt"), "utf8");
    expect(text).toContain("/sop help");
    expect(text).toContain("sop config import examples/team.json");
    expect(stdout).toContain("S&OP bot — commands");
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toContain("<main>");
    expect(html).not.toContain('src="undefined"');
    expect(html).not.toContain('src=""');
  });

  it("shows the S&OP report: flagged families, scenarios, a decision, an action item closed, PDF and workbook", () => {
    const text = readFileSync(join(out, "transcript.txt"), "utf8");
    expect(text).toContain("== S&OP report 2026-12 for the pre-S&OP ==");
    expect(text).toMatch(/\*Coffee capsules\* — stock-out from 2027-03/);
    expect(text).toContain("*overtime* (supply v2): 0 families short");
    expect(text).toContain("Closed by @Sam Okafor (supply planner)");
    expect(text).toContain("*Decisions logged* (1):");
    expect(text).toContain("== S&OP report 2026-12 — the approved plan ==");
    expect(text).toContain("[file] Published plan 2026-12");
    for (const f of ["sop-report-2026-12.pdf", "sop-report-2026-12.xlsx"])
      expect(readFileSync(join(out, f)).length).toBeGreaterThan(10_000);
    const html = readFileSync(join(out, "index.html"), "utf8");
    expect(html).toMatch(/<img class="preview" src="[^"]+-sop-report-2026-12-page1\.png"/);
    expect(html).toMatch(/href="[^"]+-sop-report-2026-12\.xlsx"/);
  });

  it("renders like Slack in headless Chromium: emoji, no broken image, nothing overflowing", async () => {
    expect(await pageProblems(browser)).toEqual({
      emojiCodes: [],
      emojiWithoutFont: [],
      brokenImages: [],
      overflowing: [],
    });
    const page = await browser.evaluate<{
      emoji: number;
      mentions: string[];
      quotes: number;
      labels: string[];
      cards: string[];
      homeCharts: number;
    }>(`(() => {
      const home = [...document.querySelectorAll("section.scene")].find((s) => /executive dashboard/.test(s.dataset.title));
      return {
        emoji: document.querySelectorAll(".emoji").length,
        mentions: [...document.querySelectorAll(".mention")].map((m) => m.textContent),
        quotes: document.querySelectorAll("blockquote").length,
        labels: [...document.querySelectorAll(".input .label")].map((l) => l.textContent),
        cards: [...document.querySelectorAll(".file-card .file-icon")].map((i) => i.textContent),
        homeCharts: home ? [...home.querySelectorAll(".home figure img")].filter((i) => i.naturalWidth > 0).length : 0,
      };
    })()`);
    expect(page.emoji).toBeGreaterThan(100);
    // Mention pills carry the whole name, not its first word.
    expect(page.mentions).toContain("@Lena Park (S&OP lead)");
    expect(page.mentions.every((m) => m.length > 1)).toBe(true);
    expect(page.quotes).toBeGreaterThan(5);
    expect(page.labels).toEqual(expect.arrayContaining(["Paste CSV (optional)", "What needs to change?"]));
    // Uploads are file cards: the chart PNGs and the gap report CSV.
    expect(page.cards).toEqual(expect.arrayContaining(["PNG", "CSV"]));
    // App Home's executive dashboard shows the digest's three charts (slack_file images).
    expect(page.homeCharts).toBe(3);
  });

  it("screenshots the executive scenes: the week-51 digest and App Home's dashboard", async () => {
    const shot = await screenshotScenes(browser, EXECUTIVE_SCENES);
    const { width, height } = pngSize(shot);
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(2000);
    const stats = await pixelStats(shot);
    // Text, charts and colour emoji: far from a blank page.
    expect(stats.distinctColors).toBeGreaterThan(500);
    expect(stats.inkRatio).toBeGreaterThan(0.05);
    const text = await browser.evaluate<string>(
      `[...document.querySelectorAll("section.scene")].filter((s) => s.style.display !== "none").map((s) => s.innerText).join("\\n")`,
    );
    expect(text).toContain("S&OP weekly digest — week 2026-W51 (Mon 14 Dec – Sun 20 Dec)");
    expect(text).toContain("S&OP Executive Review Dashboard");
    expect(text).toContain("KPIs — week 2026-W51");
    expect(text).not.toContain("no data");
  });

  it("keeps the month in the database for the sop CLI", () => {
    const r = spawnSync("node", ["bin/sop.js", "status", "2026-12", "--team", "T0SIM"], {
      cwd: repoRoot,
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("2026-12");
    expect(r.stdout).toMatch(/closed/i);
  });
});
