export type BillingRow = { legalEntityName: string; answerName: string; calls: number; answered: number; missed: number; closed: number };

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The billing count as CSV for Excel: UTF-8 with a byte-order mark (without it, Excel in Japan
 * opens UTF-8 as Shift_JIS and the company names turn to mojibake), CRLF line ends, a total row.
 * `headings`: month, legal entity, answer name, calls, answered, missed, closed.
 */
export function billingCsv(month: string, rows: readonly BillingRow[], headings: readonly string[], totalLabel: string): string {
  const sum = (key: "calls" | "answered" | "missed" | "closed") => rows.reduce((total, row) => total + row[key], 0);
  const lines = [
    headings,
    ...rows.map((row) => [month, row.legalEntityName, row.answerName, row.calls, row.answered, row.missed, row.closed]),
    [month, totalLabel, "", sum("calls"), sum("answered"), sum("missed"), sum("closed")],
  ];
  return `\uFEFF${lines.map((line) => line.map(field).join(",")).join("\r\n")}\r\n`;
}

export const billingFileName = (month: string) => `uketsuke-billing-${month}.csv`;

