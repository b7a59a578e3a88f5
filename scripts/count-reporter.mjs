// A node:test reporter for scripts/test.mjs: counts the run's results from the runner's own
// events (not from printed text) and writes them as JSON to its destination, e.g.
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/count-reporter.mjs --test-reporter-destination=counts.json …
// Output: { passed, failed, skipped, skips: [{ file, name, reason }] }. Only tests count, not
// suites (describe blocks): a suite's result is the sum of its tests'. A file that fails outside
// any test (it does not load, or throws at the top) arrives as a failed test named by its path,
// so it counts as a failure too. Skipped and todo tests count as skipped, never as failures.
import { relative } from 'node:path';

export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, skips: [] };
  // Names of the tests and suites now running, per file and nesting level, for full names.
  const open = new Map();
  const path = (data) => {
    const names = open.get(data.file ?? '') ?? [];
    return [...names.slice(0, data.nesting), data.name].join(' › ');
  };
  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:start') {
      const names = open.get(data.file ?? '') ?? [];
      names.length = data.nesting;
      names[data.nesting] = data.name;
      open.set(data.file ?? '', names);
      continue;
    }
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined || data.todo !== undefined) {
      const reason = data.skip ?? data.todo;
      counts.skipped++;
      counts.skips.push({
        file: data.file ? relative(process.cwd(), data.file) : '',
        name: path(data),
        reason: typeof reason === 'string' ? reason : data.todo !== undefined ? 'todo' : '',
      });
    } else if (type === 'test:pass') {
      counts.passed++;
    } else {
      counts.failed++;
    }
  }
  yield `${JSON.stringify(counts)}\n`;
}
