/**
 * What Slack does with images in blocks: it downloads every `image_url` when the message or view is
 * posted, and refuses the whole payload (`invalid_blocks`, "downloading image failed") when one cannot
 * be fetched as an image; a `slack_file` must name a file that exists, has finished sharing and that the
 * viewer may see. The stand-in also serves a tiny QuickChart at `/quickchart/chart` for tests that use
 * CHART_MODE=quickchart.
 */
type Json = Record<string, unknown>;

/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

export interface FileAccess {
  exists(id: string): boolean;
  /** Shared to a conversation yet (sharing is asynchronous after files.completeUploadExternal). */
  shared(id: string): boolean;
  /** May `viewer` (a user id) see the file? Undefined viewer: any member of where it is posted. */
  visibleTo(id: string, viewer: string | undefined): boolean;
  idOfUrl(url: string): string | undefined;
}

interface ImageRef {
  where: string;
  imageUrl?: string;
  slackFile?: { id?: string; url?: string };
}

function imagesIn(blocks: unknown): ImageRef[] {
  if (!Array.isArray(blocks)) return [];
  const out: ImageRef[] = [];
  const add = (el: Json, where: string) => {
    if (el?.type !== "image") return;
    out.push({
      where,
      imageUrl: typeof el.image_url === "string" ? el.image_url : undefined,
      slackFile: el.slack_file as ImageRef["slackFile"],
    });
  };
  blocks.forEach((b: Json, i) => {
    add(b, `/blocks/${i}`);
    if (b?.accessory) add(b.accessory as Json, `/blocks/${i}/accessory`);
    if (b?.type === "context" && Array.isArray(b.elements))
      (b.elements as Json[]).forEach((e, j) => {
        add(e, `/blocks/${i}/elements/${j}`);
      });
  });
  return out;
}

export class ImageChecker {
  private readonly fetched = new Map<string, Promise<boolean>>();

  constructor(private readonly files: FileAccess) {}

  /** Slack's complaints about the images in `blocks` as seen by `viewer` ([] when all can be shown). */
  async check(blocks: unknown, viewer?: string): Promise<string[]> {
    const errors: string[] = [];
    for (const img of imagesIn(blocks)) {
      if (img.imageUrl !== undefined && !(await this.downloadable(img.imageUrl)))
        errors.push(`downloading image failed [json-pointer:${img.where}/image_url]`);
      if (img.slackFile !== undefined) {
        const id =
          img.slackFile.id ?? (img.slackFile.url ? this.files.idOfUrl(img.slackFile.url) : undefined);
        const ok =
          id !== undefined &&
          this.files.exists(id) &&
          this.files.shared(id) &&
          this.files.visibleTo(id, viewer);
        if (!ok) errors.push(`invalid slack_file [json-pointer:${img.where}/slack_file]`);
      }
    }
    return errors;
  }

  private downloadable(url: string): Promise<boolean> {
    let p = this.fetched.get(url);
    if (!p) {
      p = fetch(url, { signal: AbortSignal.timeout(2000) })
        .then(async (res) => {
          await res.arrayBuffer();
          return res.ok && /^image\//.test(res.headers.get("content-type") ?? "");
        })
        .catch(() => false);
      this.fetched.set(url, p);
    }
    return p;
  }
}
