/**
 * The Problems list: what the importer made of the text, then every error and warning grouped
 * by severity, each with its line (a button that takes the cursor there) and its path. Built
 * with `textContent` only: messages quote the data.
 */
import type { ImportResult } from '../model/formats/index.js';
import type { Issue } from '../model/types.js';
import { make, spaced } from './dom.js';
import { jsonPaths, locateIssue } from './locate.js';

/** More than this many of one kind are counted, not listed. */
const MAX_LISTED = 200;

/** Fills `box` with the problems of `result`, located in `text`. */
export function renderIssues(box: HTMLElement, text: string, result: ImportResult): void {
  const paths = result.format !== 'csv' && !result.errors.some((e) => e.line) ? jsonPaths(text) : null;
  box.replaceChildren();
  const summary = make('p', '', 'summary');
  const sheet = /^\ufeff?[^\n]*\bheadline\b/i.test(text) ? 'a TimelineJS3 sheet (CSV)' : 'our CSV template';
  const format = result.format ? { incident: 'attack-timeline JSON', timelinejs: 'TimelineJS3 JSON', csv: sheet, stix: 'a STIX 2.1 bundle' }[result.format] : 'unknown';
  const counts = `${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'}, ${result.warnings.length} ${result.warnings.length === 1 ? 'warning' : 'warnings'}`;
  summary.textContent = `Read as ${format}: ${result.incident ? `${result.incident.events.length} events` : 'nothing could be read'}; ${counts}.`;
  box.append(summary);
  if (result.incident && !result.incident.events.length) box.append(make('p', 'The story has no events yet: add at least one before you publish it.', 'ok'));
  else if (!result.errors.length && !result.warnings.length) box.append(make('p', 'No problems found.', 'ok'));
  const group = (issues: Issue[], title: string, note: string, cls: string) => {
    if (!issues.length) return;
    const h = make('h3', `${title} (${issues.length})`);
    box.append(h, make('p', note, 'hint'));
    const list = make('ul', undefined, `issues ${cls}`);
    for (const issue of issues.slice(0, MAX_LISTED)) {
      const li = make('li');
      const at = locateIssue(text, issue, paths);
      const body: Node[] = [];
      if (at) body.push(make('span', `line ${at.line}${issue.column ? `, column ${at.column}` : ''}`, 'where'));
      if (issue.path && !/^line \d+/.test(issue.path)) body.push(make('code', issue.path));
      body.push(make('span', issue.message, 'message'));
      if (at) {
        const b = make('button');
        b.type = 'button';
        b.dataset.offset = String(at.offset);
        b.dataset.line = String(at.line);
        b.append(...spaced(body));
        li.append(b);
      } else li.append(...spaced(body));
      list.append(li);
    }
    if (issues.length > MAX_LISTED) list.append(make('li', `… and ${issues.length - MAX_LISTED} more`));
    box.append(list);
  };
  group(result.errors, 'Errors', 'Each leaves something out of the story. Readers see only “Some entries could not be shown.”', 'errors');
  group(result.warnings, 'Warnings', 'The story shows without these, but readers never see them: check each.', 'warnings');
}
