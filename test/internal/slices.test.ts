import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUDGET_MS, nextSlice, overBudget } from '../../src/internal/slices.js';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 5));

test('updates in one task share one budget: past it, overBudget says wait', async () => {
  await nextTask();
  assert.equal(overBudget(1000), false, 'the first update in a task starts the slice');
  assert.equal(overBudget(1000 + BUDGET_MS - 1), false, 'within the budget');
  assert.equal(overBudget(1000 + BUDGET_MS + 1), true, 'past the budget');
});

test('after nextSlice, or in a later task, the next update starts a new slice', async () => {
  await nextTask();
  overBudget(2000);
  assert.equal(overBudget(2000 + BUDGET_MS * 2), true);
  await nextSlice();
  assert.equal(overBudget(2000 + BUDGET_MS * 2), false, 'a new slice after yielding');
  overBudget(3000);
  await nextTask();
  assert.equal(overBudget(3000 + BUDGET_MS * 10), false, 'the task that counted ended, and its slice with it');
});
