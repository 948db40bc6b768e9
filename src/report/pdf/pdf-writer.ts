/**
 * A thin layer over pdfkit for the report: A4 landscape pages, the DejaVu fonts (pdfkit's built-in
 * Helvetica cannot write −, ≥ or …), a few colours, and text that never wraps or overflows its box.
 */
import PDFDocument from "pdfkit";
import { ensureChartFont } from "../../charts/fonts.ts";

export const PAGE = { width: 841.89, height: 595.28, margin: 28 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

export const COLOR = {
  text: "#1f2328",
  muted: "#59636e",
  rule: "#d0d7de",
  closed: "#f1f3f5",
  heading: "#0b3d91",
  demand: "#0072B2",
  supply: "#E69F00",
  inventory: "#1f2328",
  band: "#cdebd6",
  red: "#fbd4d4",
  redText: "#b42318",
  amber: "#fde9c4",
  green: "#d3f0dc",
} as const;

export type FontName = "regular" | "bold" | "condensed" | "condensedBold";

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  pages = 0;

  constructor(info: { title: string; author: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: "A4",
      layout: "landscape",
      margin: PAGE.margin,
      autoFirstPage: false,
      bufferPages: false,
      info: { Title: info.title, Author: info.author, CreationDate: info.createdAt, ModDate: info.createdAt },
    });
    const dir = ensureChartFont();
    this.doc.registerFont("regular", `${dir}/DejaVuSans.ttf`);
    this.doc.registerFont("bold", `${dir}/DejaVuSans-Bold.ttf`);
    this.doc.registerFont("condensed", `${dir}/DejaVuSansCondensed.ttf`);
    this.doc.registerFont("condensedBold", `${dir}/DejaVuSansCondensed-Bold.ttf`);
    this.done = new Promise((resolve, reject) => {
      this.doc.on("data", (c: Buffer) => this.chunks.push(c));
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
  }

  /** A new page with the running footer ("S&OP report 2026-12 · page 3"). */
  page(footer: string): void {
    // No bottom margin for pdfkit: it would start a new page for the footer; our layout keeps to PAGE.
    this.doc.addPage({
      size: "A4",
      layout: "landscape",
      margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 0 },
    });
    this.pages += 1;
    this.text(`${footer} · page ${this.pages}`, PAGE.margin, PAGE.height - PAGE.margin + 8, {
      size: 7,
      color: COLOR.muted,
      width: CONTENT_WIDTH,
      align: "right",
    });
  }

  /** One line of text in a box: cut with … when wider than `width`. Returns the text's height. */
  text(
    value: string,
    x: number,
    y: number,
    o: {
      size?: number;
      font?: FontName;
      color?: string;
      width?: number;
      align?: "left" | "right" | "center";
      link?: string;
    } = {},
  ): number {
    const size = o.size ?? 9;
    this.doc
      .font(o.font ?? "regular")
      .fontSize(size)
      .fillColor(o.color ?? COLOR.text);
    let s = value;
    if (o.width !== undefined && this.doc.widthOfString(s) > o.width) {
      while (s.length > 1 && this.doc.widthOfString(`${s}…`) > o.width) s = s.slice(0, -1);
      s = `${s}…`;
    }
    this.doc.text(s, x, y, {
      width: o.width,
      align: o.align ?? "left",
      lineBreak: false,
      link: o.link,
      underline: Boolean(o.link),
    });
    return size * 1.2;
  }

  /** Wrapped text in a box of `width`, at most `maxLines` lines; returns the height used. */
  paragraph(
    value: string,
    x: number,
    y: number,
    width: number,
    o: { size?: number; maxLines?: number } = {},
  ): number {
    const size = o.size ?? 9;
    const lineHeight = size * 1.25;
    this.doc.font("regular").fontSize(size).fillColor(COLOR.text);
    const height = Math.min(this.doc.heightOfString(value, { width }), lineHeight * (o.maxLines ?? 6));
    this.doc.text(value, x, y, { width, height, ellipsis: true, lineGap: size * 0.05 });
    return height;
  }

  heading(value: string, y: number, size = 14): number {
    this.text(value, PAGE.margin, y, { size, font: "bold", color: COLOR.heading, width: CONTENT_WIDTH });
    return size * 1.5;
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.doc.save().rect(x, y, w, h).fill(color).restore();
  }

  rule(x1: number, y: number, x2: number, color: string = COLOR.rule): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.5).strokeColor(color).stroke().restore();
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
