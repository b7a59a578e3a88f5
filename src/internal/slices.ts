import { nextTurn } from '../model/parse.js';

/**
 * One budget of work per task, shared by every element on the page. An update that would
 * start after {@link BUDGET_MS} of the current task's work waits for the next turn
 * (`scheduler.yield()` where there is one), so a story (its own update, then the timeline's,
 * the map's and their text lists) never holds the page in one long task. A task's start is
 * noticed by the first update in it; its end by a message posted then, which runs only once
 * the task is over.
 */
export const BUDGET_MS = 8;

let sliceStart = -1;
let channel: MessageChannel | null = null;

function markEnd(): void {
  if (!channel) {
    if (typeof MessageChannel === 'undefined') return void setTimeout(() => (sliceStart = -1), 0);
    channel = new MessageChannel();
    channel.port1.onmessage = () => (sliceStart = -1);
    // Outside a browser (Node, for the layout tests) an open port would keep the process alive.
    (channel.port1 as { unref?: () => void }).unref?.();
  }
  channel.port2.postMessage(0);
}

/** True when this task has already done a slice's work; starts the count otherwise. */
export function overBudget(now = performance.now()): boolean {
  if (sliceStart < 0) {
    sliceStart = now;
    markEnd();
    return false;
  }
  return now - sliceStart > BUDGET_MS;
}

/** Waits for the next turn; the work after it starts a new slice. */
export async function nextSlice(): Promise<void> {
  await nextTurn();
  sliceStart = -1;
}
