import { createCanvas } from "@napi-rs/canvas";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartItem,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  SubTitle,
  Title,
} from "chart.js";
import { ensureChartFont } from "./fonts.ts";
import { INK } from "./palette.ts";
import { FONT_FAMILY } from "./theme.ts";
import { type ChartSpec, DEFAULT_DEVICE_PIXEL_RATIO } from "./types.ts";

// The config leaves the family out (URL length); in-process charts always use the registered font.
Chart.defaults.font.family = FONT_FAMILY;

// Only what the digest and report charts use: keeps startup small and makes a missing piece fail loudly.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Title,
  SubTitle,
  Legend,
  Filler,
);

/** Paints the white background under the chart (Chart.js leaves the canvas transparent). */
const whiteBackground = {
  id: "sopWhiteBackground",
  beforeDraw(chart: Chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = "destination-over";
    ctx.fillStyle = INK.background;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/**
 * Renders a chart to PNG in-process with Chart.js on @napi-rs/canvas: no network, so KPI data
 * never leaves the workspace. The PNG is `width × devicePixelRatio` by `height × devicePixelRatio`.
 */
export async function renderPng(spec: ChartSpec): Promise<Buffer> {
  ensureChartFont();
  const ratio = spec.devicePixelRatio ?? DEFAULT_DEVICE_PIXEL_RATIO;
  // Chart.js scales the canvas itself (retinaScale): we give it CSS size and the ratio.
  const canvas = createCanvas(spec.width, spec.height);
  // Chart.js keeps references to (and instruments) the data arrays: never hand it the caller's objects.
  const config = structuredClone(spec.config);
  config.options = {
    ...config.options,
    responsive: false,
    animation: false,
    devicePixelRatio: ratio,
  };
  config.plugins = [...(config.plugins ?? []), whiteBackground];
  const omits = spec.legendOmits;
  if (omits?.length) {
    const legend = config.options.plugins?.legend ?? {};
    config.options.plugins = {
      ...config.options.plugins,
      legend: { ...legend, labels: { ...legend.labels, filter: (item) => !omits.includes(item.text) } },
    };
  }

  // Chart.js's typings expect a DOM canvas; @napi-rs/canvas implements the 2D API it uses.
  const chart = new Chart(canvas as unknown as ChartItem, config);
  try {
    return await canvas.encode("png");
  } finally {
    chart.destroy();
  }
}
