import type { Issue } from '../types.js';

/**
 * CSV as spreadsheets really save it: a UTF-8 BOM, CRLF or LF line ends, quoted fields with
 * newlines and doubled quotes, a comma or semicolon delimiter (Excel in many European locales
 * saves semicolons). A hand-written state machine: d3-dsv's `csvParse` builds its row
 * accessor with `new Function`, which a strict CSP forbids.
 */

/** A parsed row and the 1-based line it starts on. */
export interface CsvRow {
  cells: string[];
  line: number;
}

export interface CsvTable {
  rows: CsvRow[];
  delimiter: ',' | ';';
  error?: Issue;
}

/** The delimiter of the first record: whichever of `,` and `;` appears more outside quotes. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === ',') commas++;
    else if (ch === ';') semis++;
    else if (ch === '\n' || ch === '\r') break;
  }
  return semis > commas ? ';' : ',';
}

/** Leading characters a spreadsheet would run as a formula; see {@link formatCsv}. */
const FORMULA = /^[=+\-@\t\r']/;
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/**
 * Splits CSV text into rows. Never throws; an unterminated quoted field is an error naming
 * the line and column where its quote opened. Blank lines are kept as rows with one empty
 * cell, so row numbers match the spreadsheet's.
 */
export function parseCsv(input: string, delimiter?: ',' | ';'): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delim = delimiter ?? detectDelimiter(text);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let wasQuoted = false;
  const endCell = () => {
    // A leading apostrophe that guards a formula character is ours (see formatCsv): drop it.
    cells.push(wasQuoted && cell.length > 1 && cell[0] === "'" && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell);
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    rows.push({ cells, line: rowLine });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '' && !wasQuoted) {
      // A quoted field: runs to the next lone quote; "" is a quote inside it.
      const openLine = line;
      const openColumn = i - text.lastIndexOf('\n', i - 1);
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length) {
          return {
            rows,
            delimiter: delim,
            error: { path: `line ${openLine}, column ${openColumn}`, message: 'a quoted field is never closed (a " is missing)', line: openLine, column: openColumn },
          };
        }
        const c = text[j];
        if (c === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        if (c === '\n') line++;
        value += c;
        j++;
      }
      cell = value;
      wasQuoted = true;
      i = j;
      continue;
    }
    if (ch === delim) {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      // Text after a closing quote, or a quote inside an unquoted field, is kept as written.
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0 || wasQuoted) endRow();
  return { rows, delimiter: delim };
}

/** Drops trailing empty rows and the empty columns spreadsheets leave at the right. */
export function trimTable(rows: CsvRow[]): CsvRow[] {
  const blank = (r: CsvRow) => r.cells.every((c) => c.trim() === '');
  let end = rows.length;
  while (end > 0 && blank(rows[end - 1]!)) end--;
  return rows.slice(0, end).map((r) => {
    let n = r.cells.length;
    while (n > 0 && r.cells[n - 1]?.trim() === '') n--;
    return n === r.cells.length ? r : { cells: r.cells.slice(0, n), line: r.line };
  });
}

function quoteCell(cell: string, onlyCell: boolean): string {
  // A cell a spreadsheet would run as a formula (=HYPERLINK(…)) is guarded by an apostrophe,
  // which parseCsv removes again, so the text round-trips and Excel shows it as text.
  const guarded = FORMULA.test(cell) && !NUMBER.test(cell) ? `'${cell}` : cell;
  const needsQuotes = guarded !== cell || /[",;\r\n]/.test(guarded) || /^\s|\s$/.test(guarded) || (onlyCell && guarded === '');
  return needsQuotes ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Writes rows as RFC 4180 CSV with CRLF line ends, which every spreadsheet opens. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map((c) => quoteCell(c, r.length === 1)).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}
