/** Browser test helpers: fixtures, waiting, axe, and an error trap for the host page. */
import { executeServerCommand } from '@web/test-runner-commands';
import type { Incident } from '../../src/model/types.js';

const mounted: Element[] = [];

/** Creates an element in a container of the given width and waits for its first render. */
export async function fixture<T extends HTMLElement>(tag: string, setup: (el: T) => void = () => undefined, width = 1280): Promise<T> {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  const el = document.createElement(tag) as T;
  setup(el);
  box.append(el);
  document.body.append(box);
  mounted.push(box);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  await frames(2);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** Removes every fixture; call in afterEach. */
export function cleanup(): void {
  for (const el of mounted.splice(0)) el.remove();
}

export const frames = async (n = 1) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
};

export async function waitFor<T>(fn: () => T | undefined | null | false, what = 'condition', timeout = 8000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = fn();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let aiims: Incident | null = null;
/** The AIIMS example data, fresh each call. */
export async function aiimsIncident(): Promise<Incident> {
  aiims ??= await (await fetch('/examples/data/aiims-delhi-2022.json')).json();
  return structuredClone(aiims!);
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
}
/** Runs axe-core on an element (shadow roots included) and returns its violations, readable. */
export async function axeViolations(el: Element): Promise<string[]> {
  const w = window as unknown as { axe?: { run(el: Element, o: object): Promise<AxeResult> } };
  if (!w.axe) {
    const url = '/node_modules/axe-core/axe.min.js';
    await import(url);
  }
  const result = await w.axe!.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Collects errors and unhandled rejections that reach the host page. */
export function trapPageErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The deepest focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Red, green and blue of a computed colour string. */
export const rgb = (c: string): number[] =>
  c
    .match(/[\d.]+/g)!
    .slice(0, 3)
    .map(Number);

/** WCAG contrast ratio of two colours (computed strings or [r, g, b]). */
export function contrast(a: string | number[], b: string | number[]): number {
  const lum = (c: string | number[]) => {
    const [red = 0, green = 0, blue = 0] = (typeof c === 'string' ? rgb(c) : c).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  };
  const [la, lb] = [lum(a), lum(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * Skips the running test and tells npm test why: its summary lists each skipped test by name
 * with this reason (the runner itself records no reason).
 */
export async function skipBecause(ctx: Mocha.Context, reason: string): Promise<never> {
  await executeServerCommand('skip-reason', { test: ctx.test?.titlePath() ?? [], reason });
  ctx.skip();
}
