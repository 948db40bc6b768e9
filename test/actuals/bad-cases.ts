/** The bad-input corpus of the actuals import: each case names the line an editor shows (header = line 1). */
import type { ActualsKind } from "../../src/actuals/kinds.ts";

export const ORDERS_HEADER = "order_id,family,order_date,promised_date,delivered_date,quantity";

export interface BadCase {
  name: string;
  kind: ActualsKind;
  csv: string;
  /** `line N: …` texts that must appear (substring match). */
  expect: string[];
  families?: string[];
}

export const BAD_CASES: BadCase[] = [
  {
    name: "a date that does not exist",
    kind: "orders",
    csv: `${ORDERS_HEADER}\nO1,Espresso machines,2026-01-02,2026-01-09,,1\nO2,Espresso machines,2026-02-30,2026-03-09,,1\n`,
    expect: ['line 3: order_date "2026-02-30" is not a date that exists'],
  },
  {
    name: "a date in another format",
    kind: "inventory",
    csv: "date,family,on_hand_qty\n02/01/2026,Grinders,5\n",
    expect: ['line 2: date "02/01/2026" is not a date in the form YYYY-MM-DD'],
  },
  {
    name: "month 13",
    kind: "demand",
    csv: "period,family,forecast_qty,actual_qty\n2026-12,Grinders,1,1\n2026-13,Grinders,1,1\n",
    expect: ['line 3: period "2026-13" is not a month (01-12)'],
  },
  {
    name: "week 53 of a 52-week year",
    kind: "production",
    csv: "period,family,planned_qty,actual_qty,capacity_qty\n2025-W53,Grinders,1,1,1\n2026-W53,Grinders,1,1,1\n",
    expect: ['line 2: period "2025-W53" is not a week of that year'],
  },
  {
    name: "a negative quantity",
    kind: "orders",
    csv: `${ORDERS_HEADER}\nO1,Grinders,2026-01-02,2026-01-09,,-3\n`,
    expect: ['line 2: quantity "-3" must not be negative'],
  },
  {
    name: "a non-numeric quantity",
    kind: "demand",
    csv: "period,family,forecast_qty,actual_qty\n2026-01,Grinders,abc,1\n",
    expect: ['line 2: forecast_qty "abc" is not a number'],
  },
  {
    name: "a decimal comma",
    kind: "inventory",
    csv: 'date,family,on_hand_qty\n2026-01-05,Grinders,"12,5"\n',
    expect: ['line 2: on_hand_qty "12,5" is not a number (no thousands separators; use . for decimals)'],
  },
  {
    name: "an empty quantity",
    kind: "production",
    csv: "period,family,planned_qty,actual_qty,capacity_qty\n2026-01,Grinders,1,,1\n",
    expect: ["line 2: actual_qty is empty"],
  },
  {
    name: "a duplicate key within the file",
    kind: "orders",
    csv: `${ORDERS_HEADER}\nO1,Grinders,2026-01-02,2026-01-09,,1\nO2,Grinders,2026-01-02,2026-01-09,,1\nO1,Grinders,2026-01-03,2026-01-09,,2\n`,
    expect: ['line 4: duplicate order_id "O1" (first on line 2)'],
  },
  {
    name: "a duplicate family and period",
    kind: "demand",
    csv: "period,family,forecast_qty,actual_qty\n2026-W02,Grinders,1,1\n2026-W02, Grinders ,2,2\n",
    expect: ['line 3: duplicate family "Grinders" and period 2026-W02 (first on line 2)'],
  },
  {
    name: "delivered before ordered",
    kind: "orders",
    csv: `${ORDERS_HEADER}\nO1,Grinders,2026-01-10,2026-01-12,2026-01-09,1\n`,
    expect: ["line 2: delivered_date 2026-01-09 is before order_date 2026-01-10"],
  },
  {
    name: "a misspelt column",
    kind: "orders",
    csv: "order_id,family,order_date,promise_date,delivered_date,quantity\nO1,Grinders,2026-01-02,2026-01-09,,1\n",
    expect: ['line 1: unknown column "promise_date"', "line 1: missing column promised_date"],
  },
  {
    name: "a missing column",
    kind: "inventory",
    csv: "date,family\n2026-01-05,Grinders\n",
    expect: ["line 1: missing column on_hand_qty"],
  },
  {
    name: "no header at all",
    kind: "demand",
    csv: "2026-01,Grinders,1,1\n",
    expect: ["line 1: the first line must be the header period,family,forecast_qty,actual_qty"],
  },
  {
    name: "too many fields",
    kind: "orders",
    csv: `${ORDERS_HEADER}\nO1,Grinders,2026-01-02,2026-01-09,,1\nO2,Grinders,2026-01-02,2026-01-09,,1,5\n`,
    expect: ["line 3: 7 values, but the header has 6 columns"],
  },
  {
    name: "too few fields",
    kind: "orders",
    csv: `${ORDERS_HEADER}\nO1,Grinders,2026-01-02,2026-01-09,1\n`,
    expect: ["line 2: 5 values, but the header has 6 columns (no value for quantity)"],
  },
  { name: "an empty file", kind: "orders", csv: "", expect: ["line 1: the file is empty"] },
  {
    name: "only a BOM and blank lines",
    kind: "demand",
    csv: "\uFEFF\r\n\r\n",
    expect: ["line 1: the file is empty"],
  },
  {
    name: "a header but no rows",
    kind: "production",
    csv: "period,family,planned_qty,actual_qty,capacity_qty\r\n",
    expect: ["line 1: the file has a header but no data rows"],
  },
  {
    name: "an unclosed quote",
    kind: "inventory",
    csv: 'date,family,on_hand_qty\n2026-01-05,Grinders,1\n2026-01-06,"Grinders,2\n2026-01-07,Grinders,3\n',
    expect: ["line 3: not valid CSV: a quoted value that starts on this line or later is never closed"],
  },
  {
    name: "a line break inside a quoted family (lines counted as an editor does)",
    kind: "inventory",
    csv: 'date,family,on_hand_qty\r\n2026-01-05,"Espresso\r\nmachines",1\r\n2026-01-06,Grinders,x\r\n',
    expect: [
      'line 2: family "Espresso\\r\\nmachines" contains a line break or control character',
      'line 4: on_hand_qty "x" is not a number',
    ],
  },
  {
    name: "a family not on the team's list",
    kind: "demand",
    csv: "period,family,forecast_qty,actual_qty\n2026-01,Grinders,1,1\n2026-01,Kettels,1,1\n",
    families: ["Grinders", "Kettles"],
    expect: ['line 3: family "Kettels" is not in the team\'s family list'],
  },
];
