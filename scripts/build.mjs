// Builds dist/ (ESM + types), dist/attack-timeline.min.js (script-tag bundle),
// custom-elements.json and the editor data made from it (VS Code custom data, JetBrains
// web-types), and prints the bundle's size.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
run(bin('cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
run(process.execPath, ['scripts/editor-data.mjs']);

const file = 'dist/attack-timeline.min.js';
const bytes = statSync(file).size;
const gz = gzipSync(readFileSync(file)).length;
console.log(`${file}: ${(bytes / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzip`);
