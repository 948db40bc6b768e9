/**
 * `sop report --team T --period P [--pdf FILE] [--xlsx FILE] [--json]`: the S&OP report of a cycle —
 * a few lines of text (default), the whole report model as JSON, and the PDF and the workbook written
 * to the files named. Works at any point of the cycle: unapproved plans are shown as submitted and
 * said so. Exits 1 with a clear message when there is no cycle or no configuration.
 */
import { writeFile } from "node:fs/promises";
import { isPeriod } from "../../cycle/period.ts";
import { UserError } from "../../errors.ts";
import { loadReport } from "../../report/load-report.ts";
import { renderReportPdf } from "../../report/pdf/render-pdf.ts";
import { reportText } from "../../report/report-text.ts";
import { renderReportXlsx } from "../../report/xlsx/render-xlsx.ts";
import { requireTeamConfig } from "../../team/team-config-store.ts";
import { type CommandIo, parseFlags, requireFlag, UsageError } from "../io.ts";
import { writeUserError } from "../user-errors.ts";
import { withDatabase } from "../with-database.ts";

function fileFlag(flags: Record<string, string | true>, name: string): string | null {
  const v = flags[name];
  if (v === undefined) return null;
  if (v === true || v === "") throw new UsageError(`--${name} needs a file name`);
  return v;
}

export async function reportCommand(argv: string[], io: CommandIo): Promise<number> {
  const { flags, positionals } = parseFlags(argv, ["json"]);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const team = requireFlag(flags, "team");
  const period = requireFlag(flags, "period");
  if (!isPeriod(period)) throw new UsageError(`--period must be a month such as 2027-01, got "${period}"`);
  const pdfFile = fileFlag(flags, "pdf");
  const xlsxFile = fileFlag(flags, "xlsx");
  try {
    const report = await withDatabase(async () => {
      const cfg = await requireTeamConfig(team);
      return { cfg, report: await loadReport(cfg, period, { stage: "on_request", now: new Date() }) };
    });
    const { cfg } = report;
    if (pdfFile) {
      const { pdf, layout } = await renderReportPdf(report.report, {
        maxFamilyPages: cfg.report.familyPages,
      });
      await writeFile(pdfFile, pdf);
      io.stderr.write(`wrote ${pdfFile} (${layout.pages} pages)\n`);
    }
    if (xlsxFile) {
      const { xlsx, familySheets } = await renderReportXlsx(report.report, {
        maxFamilySheets: cfg.report.familyPages,
      });
      await writeFile(xlsxFile, xlsx);
      io.stderr.write(`wrote ${xlsxFile} (${familySheets.size} family sheets)\n`);
    }
    io.stdout.write(flags.json ? `${JSON.stringify(report.report)}\n` : reportText(report.report));
    return 0;
  } catch (err) {
    if (err instanceof UserError) {
      writeUserError(io, err);
      return 1;
    }
    throw err;
  }
}
