/**
 * What must never be on the demo page, found in the rendered page itself: emoji codes left as text
 * (outside code, which Slack shows as typed), images that did not load, and anything wider than the
 * page's column.
 */
import type { Browser } from "./browser.ts";

export interface PageProblems {
  emojiCodes: string[];
  brokenImages: string[];
  overflowing: string[];
}

const CHECK = `(() => {
  const main = document.querySelector("main");
  const right = main.getBoundingClientRect().right;
  const emojiCodes = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest("code, pre")) continue;
    for (const m of n.textContent.matchAll(/:(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]+:/g)) emojiCodes.push(m[0]);
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

export function pageProblems(browser: Browser): Promise<PageProblems> {
  return browser.evaluate<PageProblems>(CHECK);
}
