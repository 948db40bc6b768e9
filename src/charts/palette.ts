/**
 * Okabe–Ito palette: distinguishable under the common colour-vision deficiencies and in greyscale
 * when combined with dashes. Yellow is last because it is faint on white.
 */
export const OKABE_ITO = {
  blue: "#0072B2",
  orange: "#E69F00",
  bluishGreen: "#009E73",
  reddishPurple: "#CC79A7",
  skyBlue: "#56B4E9",
  vermillion: "#D55E00",
  black: "#000000",
  yellow: "#F0E442",
} as const;

const SERIES_ORDER: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.black,
  OKABE_ITO.yellow,
];

/** Colour of the i-th series; wraps around after eight series. */
export function seriesColor(index: number): string {
  return SERIES_ORDER[index % SERIES_ORDER.length] ?? OKABE_ITO.blue;
}

/** Neutral colours for text, grid and reference lines (short hex: every character counts in QuickChart URLs). */
export const INK = {
  text: "#222",
  mutedText: "#555",
  grid: "#ddd",
  reference: "#333",
  background: "#fff",
} as const;
