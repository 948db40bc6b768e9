/**
 * Slack's `:emoji_name:` codes as the characters Slack shows. Names come from node-emoji (the GitHub /
 * gemoji names Slack's own list grew from: `:white_check_mark:`, `:large_blue_circle:`); emoji newer
 * than its list (`:large_green_circle:`, `:large_orange_circle:`) are found by their name in emojilib,
 * where Slack's "large_" prefix is dropped. An unknown code is left as written, so a check for
 * remaining `:codes:` catches it.
 */
import emojilib from "emojilib";
import * as nodeEmoji from "node-emoji";

let byName: Map<string, string> | undefined;

function emojilibNames(): Map<string, string> {
  if (!byName) {
    byName = new Map();
    for (const [char, names] of Object.entries(emojilib as unknown as Record<string, string[]>)) {
      // The first keyword is the emoji's name; the rest are search words ("face", "happy").
      const name = names[0];
      if (name && !byName.has(name)) byName.set(name, char);
    }
  }
  return byName;
}

/** The character for a Slack emoji name, or null when neither list knows it. */
export function emojiFor(name: string): string | null {
  const known = nodeEmoji.get(name);
  if (known) return known;
  const lib = emojilibNames();
  return lib.get(name) ?? lib.get(name.replace(/^large_/, "")) ?? null;
}

/** One emoji as the page draws it: in the colour emoji font, which text fonts must not pre-empt (DejaVu Sans has a ⚪). */
const emojiSpan = (char: string) => `<span class="emoji">${char}</span>`;

/** An emoji already in the text: one with emoji presentation, or a pictograph asking for it (U+FE0F), with skin tones and ZWJ sequences. */
const PART = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)[\u{1F3FB}-\u{1F3FF}]?`;
const CODE_OR_EMOJI = new RegExp(String.raw`:([a-z0-9_+-]+):|\p{RI}\p{RI}|${PART}(?:\u200D${PART})*`, "gu");

/** Replaces every `:name:` Slack would draw as an emoji, and marks the emoji already in the text. */
export function emojify(text: string): string {
  return text.replace(CODE_OR_EMOJI, (match, name: string | undefined) => {
    if (name === undefined) return emojiSpan(match);
    const char = emojiFor(name);
    return char ? emojiSpan(char) : match;
  });
}
