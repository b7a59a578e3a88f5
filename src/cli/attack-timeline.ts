#!/usr/bin/env node
/// <reference types="node" />
/**
 * `attack-timeline`: check, convert and publish stories from the command line.
 * Node 20, no browser and no dependencies beyond node:* and our model.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fallbackHtml } from '../model/fallback.js';
import { exportIncident, importIncident } from '../model/formats/index.js';
import type { Issue, ParseResult } from '../model/types.js';

type ImportFormat = 'auto' | 'incident' | 'timelinejs' | 'csv' | 'stix';
type ExportFormat = 'incident' | 'csv' | 'timelinejs' | 'stix';
type Imported = ParseResult & { format: Exclude<ImportFormat, 'auto'> | null };

const IMPORT_FORMATS: readonly ImportFormat[] = ['auto', 'incident', 'timelinejs', 'csv', 'stix'];
const EXPORT_FORMATS: readonly ExportFormat[] = ['incident', 'csv', 'timelinejs', 'stix'];

export const HELP = `attack-timeline: check, convert and publish attack-timeline stories

Usage:
  attack-timeline validate FILE... [--format F] [--time-zone Z] [--json]
  attack-timeline convert FILE --to FORMAT [-o OUT] [--format F] [--time-zone Z] [--locale L]
  attack-timeline fallback FILE [--locale L] [-o OUT] [--format F] [--time-zone Z]
  attack-timeline --help | --version

Commands:
  validate   Check each FILE and print its problems, then one summary line per file.
  convert    Convert FILE to another format (stdout, or OUT with -o).
  fallback   Print the recommended no-JS fallback HTML for the embed snippet: a heading,
             the summary and an <ol> of the events, each with <time datetime> and source links.

FILE is a path, or - for standard input. Input formats are detected from the content:
  incident    our incident JSON
  timelinejs  TimelineJS3 JSON
  csv         our CSV template, or the TimelineJS3 Google-Sheets CSV
  stix        a STIX 2.1 bundle (Attack Flow included)

Options:
  --format F      read FILE as F: auto (default), incident, timelinejs, csv, stix
  --time-zone Z   IANA zone for formats that carry none (TimelineJS3, CSV), e.g. Asia/Kolkata
  --to FORMAT     convert: write incident, csv, timelinejs or stix
  -o, --output OUT  convert, fallback: write to OUT instead of standard output
  --locale L      fallback, and convert --to timelinejs: locale of the dates written
                  (default en-IN; hi for Hindi)
  --json          validate: print a JSON array of
                  {file, format, errors: [{path, message, line?, column?}], warnings: [...], events}
  -h, --help      show this help
  --version       print the version

Problems are printed one a line, with the place in the source when it is known:
  FILE:LINE:COLUMN: error: PATH: MESSAGE     (JSON syntax errors)
  FILE:LINE: error: PATH: MESSAGE            (CSV rows)
  FILE: warning: PATH: MESSAGE               (anywhere else)
then validate prints a summary line per file:
  story.csv: 2 errors, 1 warning (csv, 10 events)
  story.csv: ok (csv, 12 events)
validate prints to standard output; convert and fallback print problems to standard error.

Exit status:
  0  no errors (validate), or the output was written (convert, fallback)
  1  validate: some FILE has errors; convert, fallback: nothing could be imported, so
     nothing was written. convert and fallback still write their output when some items had
     errors and were left out; the problems go to standard error.
  2  usage error: unknown command or option, missing or unreadable FILE, unwritable OUT;
     also when run with no arguments

Examples:
  attack-timeline validate story.json sheet.csv
  attack-timeline validate --json story.json > report.json
  attack-timeline convert sheet.csv --time-zone Asia/Kolkata --to incident -o story.json
  curl -s https://example.org/tl.json | attack-timeline convert - --to csv
  attack-timeline fallback story.json --locale hi > fallback.html
`;

class UsageError extends Error {}

interface Output {
  out(text: string): void;
  err(text: string): void;
}

interface Parsed {
  command: string;
  files: string[];
  flags: Map<string, string | true>;
}

/** The options each command takes; `true` for one taking a value. */
const COMMAND_OPTIONS: Record<string, Record<string, boolean>> = {
  validate: { format: true, 'time-zone': true, json: false },
  convert: { format: true, 'time-zone': true, to: true, output: true, locale: true },
  fallback: { format: true, 'time-zone': true, locale: true, output: true },
};
const ALIASES: Record<string, string> = { o: 'output', h: 'help' };

function parseArgs(argv: string[]): Parsed | 'help' | 'version' {
  if (argv.length === 0) throw new UsageError('');
  const rest = [...argv];
  const first = rest.shift()!;
  if (first === '--help' || first === '-h' || first === 'help') return 'help';
  if (first === '--version' || first === '-v') return 'version';
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
  const allowed = COMMAND_OPTIONS[first];
  if (!allowed) throw new UsageError(`unknown command "${first}"; use validate, convert or fallback`);
  const flags = new Map<string, string | true>();
  const files: string[] = [];
  let onlyFiles = false;
  while (rest.length) {
    const arg = rest.shift()!;
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const m = /^--?([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new UsageError(`unknown option ${arg} for ${first}`);
    const key = m[1] ?? '';
    const inline = m[2];
    const long = arg.startsWith('--');
    const name = long ? key : (ALIASES[key] ?? '');
    if (name === 'help') return 'help';
    if (!(name in allowed) || (!long && key.length !== 1)) throw new UsageError(`unknown option ${arg.replace(/=.*$/s, '')} for ${first}`);
    if (allowed[name]) {
      const value = inline ?? rest.shift();
      if (value === undefined || value === '') throw new UsageError(`${arg.replace(/=.*$/s, '')} needs a value`);
      flags.set(name, value);
    } else {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    }
  }
  return { command: first, files, flags };
}

function findVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'attack-timeline' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // Not ours or unreadable; keep looking upward.
      }
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
};

function reason(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  return err instanceof Error ? err.message : String(err);
}

const displayName = (file: string) => (file === '-' ? '<stdin>' : file);

/** The file's text, or a usage error naming the file. */
function readInput(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${displayName(file)}: ${reason(err)}`, { cause: err });
  }
}

/** One issue in the layout documented in --help. */
export function formatIssue(file: string, severity: 'error' | 'warning', issue: Issue): string {
  let place = displayName(file);
  if (issue.line !== undefined) place += `:${issue.line}`;
  if (issue.line !== undefined && issue.column !== undefined) place += `:${issue.column}`;
  // A path that only repeats the line and column adds nothing.
  const path = issue.path && !/^line \d+(, column \d+)?$/.test(issue.path) ? `${issue.path}: ` : '';
  return `${place}: ${severity}: ${path}${issue.message}`;
}

function issueLines(file: string, r: Imported): string[] {
  return [...r.errors.map((i) => formatIssue(file, 'error', i)), ...r.warnings.map((i) => formatIssue(file, 'warning', i))];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(file: string, r: Imported): string {
  const events = r.incident?.events.length ?? 0;
  const what = r.format ? ` (${r.format}, ${plural(events, 'event')})` : '';
  const counts = [r.errors.length ? plural(r.errors.length, 'error') : '', r.warnings.length ? plural(r.warnings.length, 'warning') : ''].filter(Boolean);
  if (!r.errors.length) return `${displayName(file)}: ok${counts.length ? `, ${counts.join(', ')}` : ''}${what}`;
  return `${displayName(file)}: ${counts.join(', ')}${r.incident ? what : ' (nothing could be imported)'}`;
}

function importOptions(flags: Parsed['flags']): { format?: ImportFormat; timeZone?: string } {
  const format = flags.get('format');
  if (typeof format === 'string' && !IMPORT_FORMATS.includes(format as ImportFormat)) {
    throw new UsageError(`--format ${format} is not a format; use ${IMPORT_FORMATS.join(', ')}`);
  }
  const timeZone = flags.get('time-zone');
  return { format: (format as ImportFormat | undefined) ?? 'auto', ...(typeof timeZone === 'string' ? { timeZone } : {}) };
}

const plainIssue = (i: Issue): Issue => ({
  path: i.path,
  message: i.message,
  ...(i.line !== undefined ? { line: i.line } : {}),
  ...(i.column !== undefined ? { column: i.column } : {}),
});

function validate(p: Parsed, io: Output): number {
  if (!p.files.length) throw new UsageError('validate needs at least one FILE');
  if (p.files.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  const options = importOptions(p.flags);
  const json = p.flags.has('json');
  const report: unknown[] = [];
  let status = 0;
  for (const file of p.files) {
    let text: string;
    try {
      text = readInput(file);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.err(`error: ${err.message}\n`);
      status = 2;
      continue;
    }
    const r = importIncident(text, options) as Imported;
    if (r.errors.length && status === 0) status = 1;
    if (json) {
      report.push({
        file: displayName(file),
        format: r.format,
        errors: r.errors.map(plainIssue),
        warnings: r.warnings.map(plainIssue),
        events: r.incident?.events.length ?? 0,
      });
    } else {
      io.out([...issueLines(file, r), summary(file, r)].join('\n') + '\n');
    }
  }
  if (json) io.out(`${JSON.stringify(report, null, 2)}\n`);
  return status;
}

function oneFile(p: Parsed): string {
  const [file, ...more] = p.files;
  if (file === undefined) throw new UsageError(`${p.command} needs a FILE (or - for standard input)`);
  if (more.length > 0) throw new UsageError(`${p.command} takes one FILE, not ${p.files.length}`);
  return file;
}

/** Imports the one FILE, printing its problems to stderr; null when there is no incident. */
function importOne(p: Parsed, io: Output): { file: string; result: Imported } {
  const file = oneFile(p);
  const options = importOptions(p.flags);
  const result = importIncident(readInput(file), options) as Imported;
  const lines = issueLines(file, result);
  if (lines.length) io.err(`${lines.join('\n')}\n`);
  if (!result.incident) io.err(`error: nothing could be imported from ${displayName(file)}; nothing written\n`);
  return { file, result };
}

function write(p: Parsed, text: string, io: Output): number {
  const out = p.flags.get('output');
  if (typeof out !== 'string' || out === '-') {
    io.out(text);
    return 0;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    io.err(`error: cannot write ${out}: ${reason(err)}\n`);
    return 2;
  }
  return 0;
}

function convert(p: Parsed, io: Output): number {
  const to = p.flags.get('to');
  if (typeof to !== 'string') throw new UsageError('convert needs --to FORMAT (incident, csv, timelinejs or stix)');
  if (!EXPORT_FORMATS.includes(to as ExportFormat)) throw new UsageError(`--to ${to} is not a format to write; use ${EXPORT_FORMATS.join(', ')}`);
  const { result } = importOne(p, io);
  if (!result.incident) return 1;
  let text: string;
  try {
    const locale = p.flags.get('locale');
    text = exportIncident(result.incident, to as ExportFormat, typeof locale === 'string' ? { locale } : {});
  } catch (err) {
    io.err(`error: cannot convert to ${to}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  return write(p, text, io);
}

function fallback(p: Parsed, io: Output): number {
  const { result } = importOne(p, io);
  if (!result.incident) return 1;
  const locale = p.flags.get('locale');
  return write(p, fallbackHtml(result.incident, typeof locale === 'string' ? { locale } : {}), io);
}

/** Runs the tool; returns the exit status. Never throws for bad input. */
export function run(argv: string[], io: Output): number {
  try {
    const p = parseArgs(argv);
    if (p === 'help') {
      io.out(HELP);
      return 0;
    }
    if (p === 'version') {
      io.out(`${findVersion()}\n`);
      return 0;
    }
    if (p.command === 'validate') return validate(p, io);
    if (p.command === 'convert') return convert(p, io);
    return fallback(p, io);
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message === '') io.out(HELP);
      else io.err(`error: ${err.message}${/^cannot read /.test(err.message) ? '' : ' (see attack-timeline --help)'}\n`);
      return 2;
    }
    io.err(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/** True when run as the program (also through npm's bin symlink), not imported. */
function isMain(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  // A reader that closes the pipe early (| head) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
  });
}
