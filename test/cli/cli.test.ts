import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Compiled to build/test/cli/; the tool is at build/src/cli/.
const CLI = fileURLToPath(new URL('../../src/cli/attack-timeline.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'attack-timeline-cli-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: input ?? '', encoding: 'utf8', cwd: dir, timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const story = {
  version: 1,
  title: 'Ransomware at <City> Hospital',
  summary: 'A "worked" example & more.',
  timeZone: 'Asia/Kolkata',
  sources: [
    { id: 'daily', publisher: 'Example Daily', url: 'https://news.example.com/attack' },
    { id: 'bad', publisher: 'Bad <link>', url: 'javascript:alert(1)' },
  ],
  events: [
    { id: 'case', title: 'Police register a case', start: '2022-11-25', status: 'reported', sources: ['daily'] },
    { id: 'attack', title: 'Screens go dark <script>', start: '2022-11-23T07:00+05:30', status: 'confirmed', sources: ['daily', 'bad'] },
  ],
};
// The same story without the unsafe link, so it has no warnings.
const clean = { ...story, sources: story.sources.slice(0, 1), events: story.events.map((e) => ({ ...e, sources: ['daily'] })) };
const good = () => file('story.json', `${JSON.stringify(clean, null, 2)}\n`);
const hostile = () => file('hostile.json', `${JSON.stringify(story, null, 2)}\n`);

// Line 5, column 12 is the "1" where a ":" should be.
const brokenJson = ['{', '  "version": 1,', '  "title": "Broken",', '  "events": [', '    { "id" 1}', '  ]', '}', ''].join('\n');

const SHEET_HEADER = 'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text';
const sheet = [SHEET_HEADER, '2022,11,23,,,,,,,Attack,Screens go dark', '20x2,11,24,,,,,,,Bad year,', '2022,11,25,,,,,,,Case,Police register a case', ''].join('\n');

test('attack-timeline --help lists the commands with examples and exits 0', () => {
  const r = cli(['--help']);
  assert.equal(r.status, 0);
  for (const word of ['validate FILE', 'convert FILE --to FORMAT', 'fallback FILE', '--json', '--locale', 'Exit status', 'Examples:']) assert.ok(r.stdout.includes(word), word);
  assert.equal(cli(['-h']).stdout, r.stdout);
  const none = cli([]);
  assert.equal(none.status, 2);
  assert.equal(none.stdout, r.stdout);
});

test('attack-timeline --version prints the package.json version', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  const r = cli(['--version']);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, `${pkg.version}\n`);
});

test('attack-timeline validate FILE exits 0 and prints an ok summary for a good story', () => {
  const path = good();
  const r = cli(['validate', path]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${path}: ok (incident, 2 events)\n`);
});

test('attack-timeline validate FILE names the line and column of a JSON syntax error and exits 1', () => {
  const path = file('broken.json', brokenJson);
  const r = cli(['validate', path]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, new RegExp(`^${path.replace(/[.\\]/g, '\\$&')}:5:12: error: `, 'm'));
  assert.match(r.stdout, /broken\.json: 1 error/);
  assert.equal(r.stderr, '');
  assert.doesNotMatch(r.stdout + r.stderr, /\bat .*\.js:\d+/);
});

test('attack-timeline validate FILE names the CSV row and its line', () => {
  const r = cli(['validate', file('sheet.csv', sheet)]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /sheet\.csv:3: error: row 3\b.*20x2/);
  assert.match(r.stdout, /sheet\.csv: 1 error.*\(csv, 2 events\)/);
});

test('attack-timeline validate - reads standard input', () => {
  const r = cli(['validate', '-'], JSON.stringify(clean));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^<stdin>: ok \(incident, 2 events\)$/m);
  const bad = cli(['validate', '-'], brokenJson);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /^<stdin>:5:12: error: /m);
});

test('attack-timeline validate --json prints an array of {file, format, errors, warnings, events}', () => {
  const ok = good();
  const broken = file('broken2.json', brokenJson);
  const r = cli(['validate', '--json', ok, broken]);
  assert.equal(r.status, 1);
  const report = JSON.parse(r.stdout) as {
    file: string;
    format: string | null;
    errors: { path: string; message: string; line?: number; column?: number }[];
    warnings: unknown[];
    events: number;
  }[];
  assert.equal(report.length, 2);
  const [first, second] = report;
  assert.ok(first && second);
  assert.deepEqual(Object.keys(first).sort(), ['errors', 'events', 'file', 'format', 'warnings']);
  assert.deepEqual(first, { file: ok, format: 'incident', errors: [], warnings: [], events: 2 });
  assert.equal(second.file, broken);
  assert.equal(second.events, 0);
  assert.equal(second.errors.length, 1);
  const [error] = second.errors;
  assert.ok(error);
  assert.equal(error.line, 5);
  assert.equal(error.column, 12);
  assert.equal(typeof error.message, 'string');
});

test('attack-timeline exits 2 for an unknown command, an unknown option or a missing file, naming it', () => {
  const unknown = cli(['frobnicate']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /^error: unknown command "frobnicate"/);
  const flag = cli(['validate', '--frob', good()]);
  assert.equal(flag.status, 2);
  assert.match(flag.stderr, /unknown option --frob/);
  for (const odd of ['-=', '--=x']) {
    const r = cli(['validate', odd, good()]);
    assert.equal(r.status, 2, odd);
    assert.match(r.stderr, /unknown option/, odd);
  }
  const missing = cli(['validate', join(dir, 'nope.json')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^error: cannot read .*nope\.json: no such file or directory$/m);
  assert.doesNotMatch(missing.stderr, /\n\s+at /);
  assert.equal(cli(['validate']).status, 2);
  assert.equal(cli(['convert', good()]).status, 2, 'convert without --to');
  assert.equal(cli(['convert', good(), '--to', 'pdf']).status, 2);
  assert.equal(cli(['validate', '--format', 'xml', good()]).status, 2);
});

test('attack-timeline convert FILE --to csv -o OUT writes the file', () => {
  const out = join(dir, 'out.csv');
  const r = cli(['convert', good(), '--to', 'csv', '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  const csv = readFileSync(out, 'utf8');
  assert.match(csv, /Police register a case/);
  // And it reads back.
  const back = cli(['validate', out]);
  assert.match(back.stdout, /\(csv, 2 events\)/);
});

test('attack-timeline convert - --to incident writes to standard output', () => {
  const r = cli(['convert', '-', '--to', 'incident'], JSON.stringify(story));
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as { title: string; events: unknown[] };
  assert.equal(doc.title, story.title);
  assert.equal(doc.events.length, 2);
});

test('attack-timeline convert FILE exits 1 and writes nothing when nothing could be imported', () => {
  const out = join(dir, 'never.csv');
  const r = cli(['convert', file('broken3.json', brokenJson), '--to', 'csv', '-o', out]);
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /broken3\.json:5:12: error: /);
  assert.match(r.stderr, /nothing written/);
  assert.equal(existsSync(out), false);
});

test('attack-timeline convert FILE still converts when some rows had errors, reporting them on stderr', () => {
  const r = cli(['convert', file('sheet2.csv', sheet), '--to', 'incident']);
  assert.equal(r.status, 0);
  assert.match(r.stderr, /sheet2\.csv:3: error: row 3/);
  assert.equal((JSON.parse(r.stdout) as { events: unknown[] }).events.length, 2);
});

test('attack-timeline fallback FILE prints an <ol> with escaped text and safe links only', () => {
  const r = cli(['fallback', hostile()]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<h2>Ransomware at &lt;City&gt; Hospital<\/h2>\n<p>A &quot;worked&quot; example &amp; more\.<\/p>\n<ol>\n/);
  assert.match(
    r.stdout,
    /<li><time datetime="2022-11-23T07:00\+05:30">23 Nov 2022, 7:00 am IST<\/time>: Screens go dark &lt;script&gt; \(<a href="https:\/\/news\.example\.com\/attack">Example Daily<\/a>, Bad &lt;link&gt;\)<\/li>/,
  );
  assert.ok(r.stdout.indexOf('Screens go dark') < r.stdout.indexOf('Police register'), 'time order');
  assert.doesNotMatch(r.stdout, /javascript:|<script/);
});

test('attack-timeline fallback FILE --locale hi formats dates in Hindi', () => {
  const r = cli(['fallback', good(), '--locale', 'hi']);
  assert.equal(r.status, 0, r.stderr);
  // The month in full, Latin digits, as Hindi news prints it.
  assert.ok(r.stdout.includes('<time datetime="2022-11-25">25 नवंबर 2022</time>'), r.stdout);
});

test('attack-timeline validate FILE prints warnings and still exits 0 when there are no errors', () => {
  const path = hostile();
  const r = cli(['validate', path]);
  assert.equal(r.status, 0);
  assert.ok(r.stdout.includes(`${path}: warning: sources[1].url: `), r.stdout);
  assert.match(r.stdout, /hostile\.json: ok, 1 warning \(incident, 2 events\)\n$/);
});

test('attack-timeline validate --format=F and --time-zone Z are passed to the importer', () => {
  const r = cli(['validate', '--format=csv', '--time-zone', 'Asia/Kolkata', file('sheet3.txt', sheet)]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /sheet3\.txt: 1 error.*\(csv, 2 events\)/);
  assert.doesNotMatch(r.stdout, /no time zone/);
  const forced = cli(['validate', '--format', 'csv', '-'], JSON.stringify(clean));
  assert.equal(forced.status, 1);
});
