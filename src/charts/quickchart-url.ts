import QuickChartModule from "quickchart-js";
import { INK } from "./palette.ts";
import { type ChartSpec, DEFAULT_DEVICE_PIXEL_RATIO } from "./types.ts";

// The package's typings are CommonJS-shaped (class under `.default`) while its ESM build, which
// Node loads here, exports the class itself: accept both.
const QuickChart = ((QuickChartModule as unknown as { default?: unknown }).default ??
  QuickChartModule) as typeof QuickChartModule.default;

/** Slack's limit on an image block's `image_url`. */
export const SLACK_IMAGE_URL_MAX_LENGTH = 3000;

/** QuickChart renders with Chart.js 2.9 unless told otherwise; our configs are Chart.js 4. */
export const QUICKCHART_CHARTJS_VERSION = "4";

/**
 * Image URL of the chart on a QuickChart server (quickchart.io or self-hosted, optionally under a
 * path prefix such as `https://charts.internal/quickchart`). Pure string building: no request is
 * made; the server renders when Slack fetches the URL.
 *
 * Slack's image block rejects an `image_url` over {@link SLACK_IMAGE_URL_MAX_LENGTH} characters;
 * the caller should compare and fall back to uploading `renderPng`'s output.
 */
export function quickChartUrl(spec: ChartSpec, baseUrl: string): string {
  const base = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl) ? baseUrl : `https://${baseUrl}`);
  if (base.protocol !== "https:" && base.protocol !== "http:") {
    throw new Error(`quickChartUrl: unsupported scheme in base URL ${JSON.stringify(baseUrl)}`);
  }
  if (base.username || base.password || base.search || base.hash) {
    throw new Error("quickChartUrl: base URL must not carry credentials, a query or a fragment");
  }
  // quickchart-js builds `${scheme}://${host}/chart`, so a path prefix rides along in the host.
  const host = `${base.host}${base.pathname.replace(/\/+$/, "")}`;

  return (
    new QuickChart()
      .setScheme(base.protocol.slice(0, -1))
      .setHost(host)
      .setVersion(QUICKCHART_CHARTJS_VERSION)
      // quickchart-js writes a JS literal (unquoted keys): ~15 % shorter than JSON once URL-encoded.
      .setConfig(spec.config)
      .setWidth(spec.width)
      .setHeight(spec.height)
      .setDevicePixelRatio(spec.devicePixelRatio ?? DEFAULT_DEVICE_PIXEL_RATIO)
      .setBackgroundColor(INK.background)
      .setFormat("png")
      .getUrl()
  );
}
