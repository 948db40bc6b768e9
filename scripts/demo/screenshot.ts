/**
 * `npx tsx scripts/demo/screenshot.ts [OUT.png]`: after `npm run demo`, screenshots the demo page's
 * executive scenes (the week-51 digest and App Home's executive dashboard) in headless Chromium, to
 * docs/demo-executive.png by default, and reports anything wrong on the page.
 */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot } from "../../src/db/provision.ts";
import { Browser } from "./browser.ts";
import { pageProblems } from "./page-check.ts";

/** The scenes an executive reads, by their step titles. */
export const EXECUTIVE_SCENES = /digest for week 51|executive dashboard/;

/** Screenshots only the scenes whose title matches `scenes` (the others hidden). */
export async function screenshotScenes(browser: Browser, scenes: RegExp): Promise<Buffer> {
  const shown = await browser.evaluate<number>(`(() => {
    const keep = new RegExp(${JSON.stringify(scenes.source)});
    let shown = 0;
    for (const s of document.querySelectorAll("section.scene")) {
      const on = keep.test(s.dataset.title);
      s.style.display = on ? "" : "none";
      shown += on ? 1 : 0;
    }
    document.querySelector("h1").style.display = "none";
    return shown;
  })()`);
  if (shown === 0) throw new Error(`no scene matches ${scenes}`);
  const box = await browser.evaluate<{ x: number; y: number; width: number; height: number }>(
    `(() => { const r = document.querySelector("main").getBoundingClientRect(); return { x: r.x, y: r.y + scrollY, width: r.width, height: r.height }; })()`,
  );
  return browser.screenshot(box);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = resolve(process.argv[2] ?? join(repoRoot, "docs/demo-executive.png"));
  const browser = await Browser.launch(1000, 1200);
  try {
    await browser.open(pathToFileURL(join(repoRoot, "demo-out/index.html")).href);
    const problems = await pageProblems(browser);
    writeFileSync(out, await screenshotScenes(browser, EXECUTIVE_SCENES));
    console.log(`wrote ${out}`);
    const found = Object.entries(problems).filter(([, list]) => list.length > 0);
    for (const [what, list] of found) console.log(`${what}: ${list.slice(0, 10).join(" | ")}`);
    process.exitCode = found.length ? 1 : 0;
  } finally {
    await browser.close();
  }
}
