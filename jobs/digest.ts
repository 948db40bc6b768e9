/**
 * Posts the weekly digest to the exec channel. Charts: CHART_MODE=upload (default) renders the three
 * PNGs in-process and uploads them with files.uploadV2 right after the message (Slack shares uploads
 * asynchronously, so the message never refers to the files); CHART_MODE=quickchart puts image blocks
 * with QuickChart URLs in the message, and uploads any chart whose URL would exceed Slack's 3,000
 * characters instead.
 */
import type { WebClient } from "@slack/web-api";
import { asClients, type SlackClients } from "../commands/oauth/team-clients.ts";
import { quickChartUrl, SLACK_IMAGE_URL_MAX_LENGTH } from "../src/charts/quickchart-url.ts";
import { renderPng } from "../src/charts/render-png.ts";
import type { ChartSpec } from "../src/charts/types.ts";
import {
  assembleDigest,
  type DigestData,
  ensureDigestFacts,
  refreshDigestFacts,
  reportingWeek,
} from "../src/digest/index.ts";
import type { Env } from "../src/env.ts";
import { type Logger, logFailure } from "../src/logger.ts";
import type { JobDefinition, JobFailure } from "../src/schedule/job.ts";
import { type DigestChartRef, recordDigestPost } from "../src/store/digest-posts.ts";
import type { TeamConfig } from "../src/team/team-config.ts";
import { requireTeamConfig } from "../src/team/team-config-store.ts";
import { type DigestImage, digestMessage } from "../views/digest.ts";
import { JobOutput } from "./slack-output.ts";

export type ChartEnv = Pick<Env, "CHART_MODE" | "QUICKCHART_URL">;

export interface RenderedChart {
  chartId: string;
  title: string;
  filename: string;
  png: Buffer;
  /** Render time, ms. */
  ms: number;
}

export interface PostDigestResult {
  data: DigestData;
  /** The digest message, null when it could not be posted (see failures). */
  posted: { channel: string; ts: string } | null;
  /** PNGs rendered in-process (uploaded, or ready to upload). */
  pngs: RenderedChart[];
  /** Charts shown as QuickChart image blocks. */
  images: DigestImage[];
  files: { id: string; title: string; permalink?: string }[];
  failures: JobFailure[];
}

export interface PostDigestOptions {
  teamId: string;
  now: Date;
  env: ChartEnv;
  log: Logger;
  config?: TeamConfig;
  /** The scheduler's run context collects failures on the run record; without it they are returned. */
  recordFailure?: (f: JobFailure) => void;
  job?: string;
  periodKey?: string;
  /** Recompute the per-family facts first (digests on demand); else the KPI job's stored ones are used. */
  freshFacts?: boolean;
  /** Aborted when the scheduled run lost its lease: nothing more is sent. */
  signal?: AbortSignal;
}

export async function renderCharts(specs: ChartSpec[]): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const spec of specs) {
    const started = performance.now();
    const png = await renderPng(spec);
    out.push({
      chartId: spec.id,
      title: spec.title,
      filename: `${spec.id}.png`,
      png,
      ms: performance.now() - started,
    });
  }
  return out;
}

/** Splits the charts into QuickChart image blocks and PNGs to upload, as CHART_MODE says. */
export async function prepareCharts(
  specs: ChartSpec[],
  env: ChartEnv,
): Promise<{ images: DigestImage[]; pngs: RenderedChart[] }> {
  if (env.CHART_MODE !== "quickchart") return { images: [], pngs: await renderCharts(specs) };
  const images: DigestImage[] = [];
  const tooLong: ChartSpec[] = [];
  for (const spec of specs) {
    const url = quickChartUrl(spec, env.QUICKCHART_URL);
    if (url.length <= SLACK_IMAGE_URL_MAX_LENGTH) images.push({ chartId: spec.id, url, title: spec.title });
    else tooLong.push(spec);
  }
  return { images, pngs: await renderCharts(tooLong) };
}

/** Assembles the digest for `teamId` at `now`, posts it to the exec channel and uploads the charts. */
export async function postDigest(client: WebClient, opts: PostDigestOptions): Promise<PostDigestResult> {
  const config = opts.config ?? (await requireTeamConfig(opts.teamId));
  // Failures are passed on at the end: one the digest recovers from (images Slack refused) is not one.
  const failures: JobFailure[] = [];
  // A scheduled run (it has a period) posts through the outbox: once per period, a retry resumes the
  // charts. A digest on demand is posted whenever asked.
  const out = new JobOutput(
    client,
    {
      teamId: opts.teamId,
      job: opts.job ?? "digest",
      periodKey: opts.periodKey ?? "on-demand",
      config,
      log: opts.log,
      recordFailure: (f) => failures.push(f),
      signal: opts.signal,
    },
    { once: opts.periodKey !== undefined },
  );
  const week = reportingWeek(opts.now, config.timezone);
  if (opts.freshFacts) await refreshDigestFacts(opts.teamId, config, week, opts.now, opts.log);
  else await ensureDigestFacts(opts.teamId, config, week, opts.now, opts.log);
  const data = await assembleDigest(opts.teamId, config, opts.now);
  let { images, pngs } = await prepareCharts(data.charts, opts.env);
  const send = {
    what: `digest ${data.week.week}`,
    item: "digest",
    ifMissing: "`/sop digest` posts the digest now.",
  };
  let posted = await out.postToChannel(
    "exec",
    digestMessage(data, { images, chartsFollow: pngs.length > 0 }),
    send,
  );
  if (!posted && images.length && failures.at(-1)?.code === "invalid_blocks") {
    // Slack could not download a chart image (a QuickChart it cannot reach): post with uploaded PNGs.
    // Refused means not posted, so the outbox item takes its next attempt.
    const refused = failures.pop()!;
    logFailure(
      opts.log,
      refused.message,
      "chart images refused by Slack; posting the digest with uploaded PNGs",
      {
        images: images.map((i) => i.chartId),
      },
      "warn",
    );
    pngs = [
      ...(await renderCharts(data.charts.filter((c) => images.some((i) => i.chartId === c.id)))),
      ...pngs,
    ];
    images = [];
    posted = await out.postToChannel("exec", digestMessage(data, { images, chartsFollow: true }), send);
  }
  let files: PostDigestResult["files"] = [];
  if (posted && pngs.length) {
    files =
      (await out.uploadToChannel(
        "exec",
        pngs.map((p) => ({ filename: p.filename, title: p.title, data: p.png, altText: p.title })),
        { what: `digest charts ${data.week.week}`, item: "digest-charts" },
        { initialComment: `Charts for the S&OP weekly digest ${data.week.week}` },
      )) ?? [];
  }
  if (posted) {
    const charts: DigestChartRef[] = [
      ...images.map((i) => ({ chartId: i.chartId, title: i.title, imageUrl: i.url })),
      ...pngs.map((p, i) => ({
        chartId: p.chartId,
        title: p.title,
        ...(files[i]
          ? { fileId: files[i]!.id, ...(files[i]!.permalink ? { permalink: files[i]!.permalink } : {}) }
          : {}),
      })),
    ];
    await recordDigestPost({
      teamId: opts.teamId,
      week: data.week.week,
      channel: posted.channel,
      ts: posted.ts,
      postedAt: opts.now,
      charts,
    });
  }
  for (const f of failures) opts.recordFailure?.(f);
  opts.log.info(
    {
      week: data.week.week,
      posted: Boolean(posted),
      images: images.length,
      uploaded: files.length,
      failures: failures.length,
    },
    "digest posted",
  );
  return { data, posted, pngs, images, files, failures };
}

export function digestJob(clientOrClients: WebClient | SlackClients, env: ChartEnv): JobDefinition {
  const clients = asClients(clientOrClients);
  return {
    name: "digest",
    period: "week",
    cron: (cfg) => cfg.schedules.digest,
    run: async (ctx) => {
      const r = await postDigest(await clients.forTeam(ctx.teamId), {
        teamId: ctx.teamId,
        now: ctx.now,
        env,
        log: ctx.log,
        config: ctx.config,
        recordFailure: ctx.recordFailure,
        job: ctx.job,
        periodKey: ctx.periodKey,
        signal: ctx.signal,
      });
      return {
        week: r.data.week.week,
        ts: r.posted?.ts ?? null,
        images: r.images.length,
        uploaded: r.files.length,
      };
    },
  };
}
