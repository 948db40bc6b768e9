/**
 * A family's projection as a vector chart on the PDF page: demand and supply bars per month, the
 * min/max band as a shaded area, inventory (or backlog) as a line, a dashed divider where the closed
 * months end. Vector, not a PNG: crisp when zoomed and cheap for hundreds of pages.
 */
import { compactQty } from "../format.ts";
import type { ProjectionSeries } from "../projection-series.ts";
import { COLOR, type PdfWriter } from "./pdf-writer.ts";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function niceStep(range: number, ticks: number): number {
  const raw = range / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

function legend(w: PdfWriter, s: ProjectionSeries, x: number, y: number): void {
  const items: [string, string, "bar" | "line" | "band"][] = [
    ["Demand", COLOR.demand, "bar"],
    ["Supply", COLOR.supply, "bar"],
    [s.positionLabel, COLOR.inventory, "line"],
  ];
  if (s.bandMin) items.push(["Min–max days of supply", COLOR.band, "band"]);
  let cx = x;
  for (const [label, color, kind] of items) {
    if (kind === "line")
      w.doc
        .save()
        .moveTo(cx, y + 4)
        .lineTo(cx + 14, y + 4)
        .lineWidth(1.5)
        .strokeColor(color)
        .stroke()
        .restore();
    else w.fillRect(cx, y, 14, 8, color);
    w.text(label, cx + 18, y - 0.5, { size: 7.5, color: COLOR.muted });
    w.doc.font("regular").fontSize(7.5);
    cx += 18 + w.doc.widthOfString(label) + 14;
  }
}

export function drawProjectionChart(w: PdfWriter, s: ProjectionSeries, box: Box): void {
  const values = [...s.demand, ...s.supply, ...s.position, ...(s.bandMax ?? [])].filter(
    (v): v is number => v !== null && Number.isFinite(v),
  );
  const lo = Math.min(0, ...values);
  const hi = Math.max(1, ...values);
  const step = niceStep(hi - lo, 5);
  const yMin = Math.floor(lo / step) * step;
  const yMax = Math.ceil(hi / step) * step;
  const plot = { x: box.x + 44, y: box.y + 16, width: box.width - 50, height: box.height - 34 };
  const yOf = (v: number) => plot.y + plot.height - ((v - yMin) / (yMax - yMin)) * plot.height;
  const slot = plot.width / s.months.length;
  const xOf = (i: number) => plot.x + slot * (i + 0.5);

  legend(w, s, plot.x, box.y);
  for (let v = yMin; v <= yMax + step / 2; v += step) {
    w.rule(plot.x, yOf(v), plot.x + plot.width, v === 0 ? COLOR.muted : COLOR.rule);
    w.text(compactQty(v), box.x, yOf(v) - 3.5, { size: 6.5, color: COLOR.muted, width: 40, align: "right" });
  }
  // The band, as a polygon over the months that have both bounds.
  if (s.bandMin && s.bandMax) {
    const pts = s.months.map((_, i) => i).filter((i) => s.bandMin![i] !== null && s.bandMax![i] !== null);
    if (pts.length > 1) {
      const d = w.doc.save();
      d.moveTo(xOf(pts[0]!), yOf(s.bandMax[pts[0]!]!));
      for (const i of pts.slice(1)) d.lineTo(xOf(i), yOf(s.bandMax[i]!));
      for (const i of [...pts].reverse()) d.lineTo(xOf(i), yOf(s.bandMin[i]!));
      d.closePath().fillOpacity(0.8).fill(COLOR.band).restore();
    }
  }
  const barWidth = Math.min(9, slot * 0.32);
  s.months.forEach((m, i) => {
    for (const [value, color, offset] of [
      [s.demand[i], COLOR.demand, -barWidth],
      [s.supply[i], COLOR.supply, 0],
    ] as const) {
      if (value === null || value === undefined) continue;
      const top = yOf(Math.max(0, value));
      const bottom = yOf(Math.min(0, value));
      w.fillRect(xOf(i) + offset, top, barWidth, Math.max(0.3, bottom - top), color);
    }
    if (i % (s.months.length > 14 ? 2 : 1) === 0)
      w.text(m, xOf(i) - slot, plot.y + plot.height + 3, {
        size: 6.3,
        color: COLOR.muted,
        width: slot * 2,
        align: "center",
      });
  });
  // The position line, broken where a month has no figure.
  const d = w.doc.save().lineWidth(1.6).strokeColor(COLOR.inventory);
  let drawing = false;
  s.position.forEach((v, i) => {
    if (v === null) {
      drawing = false;
      return;
    }
    if (drawing) d.lineTo(xOf(i), yOf(v));
    else d.moveTo(xOf(i), yOf(v));
    drawing = true;
  });
  d.stroke().restore();
  s.position.forEach((v, i) => {
    if (v !== null)
      w.doc
        .save()
        .circle(xOf(i), yOf(v), 1.6)
        .fill(v < 0 ? COLOR.redText : COLOR.inventory)
        .restore();
  });
  if (s.closed > 0 && s.closed < s.months.length) {
    const x = plot.x + slot * s.closed;
    w.doc
      .save()
      .moveTo(x, plot.y)
      .lineTo(x, plot.y + plot.height)
      .dash(3, { space: 2 })
      .strokeColor(COLOR.muted)
      .stroke()
      .undash()
      .restore();
  }
}
