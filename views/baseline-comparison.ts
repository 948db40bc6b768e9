/**
 * The consensus demand plan against the statistical baseline, as a context line for the demand
 * phase's sign-off message: "vs statistical baseline: +4.2 % total (+1,230), largest overrides: …".
 */

import type { BaselineComparison } from "../src/forecast/compare-to-baseline.ts";
import { formatSignedPercent, formatSignedQuantity } from "../src/format/numbers.ts";
import type { KnownBlock } from "./message.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

const MAX_OVERRIDES = 3;

/** The sign-off line; null when there is no baseline to compare with. */
export function baselineComparisonText(
  c: BaselineComparison | null,
  baselineVersion?: number,
): string | null {
  if (!c) return null;
  const version = baselineVersion !== undefined ? ` (data v${baselineVersion})` : "";
  const total =
    c.relative === null
      ? `${formatSignedQuantity(c.delta, c.precision)} total`
      : `${formatSignedPercent(c.relative)} total (${formatSignedQuantity(c.delta, c.precision)})`;
  if (c.overrides.length === 0) return `vs statistical baseline${version}: no family overridden`;
  const shown = c.overrides.slice(0, MAX_OVERRIDES).map((o) => {
    const rel = o.relative === null ? "not in baseline" : formatSignedPercent(o.relative);
    return `${escapeMrkdwn(truncate(o.family, 40))} ${formatSignedQuantity(o.delta, c.precision)} (${rel})`;
  });
  const more = c.overrides.length - shown.length;
  return `vs statistical baseline${version}: ${total}, ${c.changedLines} of ${c.lines} lines changed; largest overrides: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** A context block for the sign-off message; empty when there is no baseline. */
export function baselineComparisonBlocks(
  c: BaselineComparison | null,
  baselineVersion?: number,
): KnownBlock[] {
  const text = baselineComparisonText(c, baselineVersion);
  if (text === null) return [];
  return [{ type: "context", elements: [{ type: "mrkdwn", text: `:bar_chart: ${truncate(text, 2900)}` }] }];
}
