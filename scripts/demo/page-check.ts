/**
 * What must never be on the demo page, found in the rendered page itself: emoji codes left as text
 * (outside code, which Slack shows as typed), emoji the browser drew without the colour emoji font
 * (tofu boxes or blanks), images that did not load, and anything wider than the page's column.
 */
import type { Browser } from "./browser.ts";

export interface PageProblems {
  emojiCodes: string[];
  emojiWithoutFont: string[];
  brokenImages: string[];
  overflowing: string[];
}

const EMOJI_FONT = "Noto Color Emoji";
/** Characters drawn as emoji: those with emoji presentation, and pictographs asking for it (U+FE0F). */
const EMOJI = String.raw`\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F`;

const CHECK = `(() => {
  const main = document.querySelector("main");
  const right = main.getBoundingClientRect().right;
  const emojiCodes = [];
  // One element per distinct emoji is asked about its fonts (one DevTools call each).
  const emoji = new RegExp(${JSON.stringify(EMOJI)}, "gu");
  const seen = new Set();
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest("code, pre")) continue;
    for (const m of n.textContent.matchAll(/:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]+:/g)) emojiCodes.push(m[0]);
    for (const [e] of n.textContent.matchAll(emoji)) {
      if (seen.has(e)) continue;
      seen.add(e);
      n.parentElement.setAttribute("data-emoji-check", e);
    }
  }
  const brokenImages = [...document.images]
    .filter((i) => !i.complete || i.naturalWidth === 0)
    .map((i) => i.getAttribute("src") || "(no src)");
  const overflowing = [...main.querySelectorAll("*")]
    .filter((e) => e.getBoundingClientRect().right > right + 1 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === "visible" && e.clientWidth > 0)
    .map((e) => e.tagName.toLowerCase() + (e.className ? "." + String(e.className).split(" ")[0] : "") + ": " + e.textContent.slice(0, 60));
  if (document.documentElement.scrollWidth > window.innerWidth) overflowing.push("the page scrolls sideways");
  return { emojiCodes, brokenImages, overflowing };
})()`;

/** The elements marked by CHECK whose text Chromium drew without the emoji font. */
async function emojiWithoutFont(browser: Browser): Promise<string[]> {
  await browser.page("DOM.enable");
  await browser.page("CSS.enable");
  const { root } = (await browser.page("DOM.getDocument", { depth: -1 })) as { root: { nodeId: number } };
  const { nodeIds } = (await browser.page("DOM.querySelectorAll", {
    nodeId: root.nodeId,
    selector: "[data-emoji-check]",
  })) as { nodeIds: number[] };
  const bad: string[] = [];
  for (const nodeId of nodeIds) {
    const { fonts } = (await browser.page("CSS.getPlatformFontsForNode", { nodeId })) as {
      fonts: { familyName: string; glyphCount: number }[];
    };
    if (!fonts.some((f) => f.familyName === EMOJI_FONT && f.glyphCount > 0)) {
      const { outerHTML } = (await browser.page("DOM.getOuterHTML", { nodeId })) as { outerHTML: string };
      bad.push(
        `${outerHTML.replace(/<[^>]+>/g, "").slice(0, 60)} (drawn with ${fonts.map((f) => f.familyName).join(", ")})`,
      );
    }
  }
  return bad;
}

export async function pageProblems(browser: Browser): Promise<PageProblems> {
  const found = await browser.evaluate<Omit<PageProblems, "emojiWithoutFont">>(CHECK);
  return { ...found, emojiWithoutFont: await emojiWithoutFont(browser) };
}
