/**
 * An Excel workbook written with exceljs's streaming writer, row by row, into one Buffer: thousands of
 * families stay within a small, flat amount of memory (the in-memory workbook took over 1 GB for
 * 5,000). `fill` adds and commits the sheets; the workbook is committed after it.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

export async function streamWorkbook(
  meta: { creator: string; at: Date },
  fill: (wb: WorkbookWriter) => void | Promise<void>,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = meta.creator;
  wb.created = meta.at;
  wb.modified = meta.at;
  await fill(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
