import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartBudget } from '../../client/src/restartPolicy';

test('restarts after each of the first MAX_RESTARTS crashes in the window, then gives up', () => {
  let now = 0;
  const budget = new RestartBudget(MAX_RESTARTS, RESTART_WINDOW_MS, () => now);
  const decisions = [];
  for (let i = 0; i < MAX_RESTARTS + 1; i++) {
    now += 1000;
    decisions.push(budget.recordCrash());
  }
  assert.deepEqual(decisions, [true, true, true, true, false]);
  assert.equal(budget.recentCrashes, MAX_RESTARTS + 1);
});

test('crashes older than the window are forgotten', () => {
  let now = 0;
  const budget = new RestartBudget(2, 60_000, () => now);
  assert.equal(budget.recordCrash(), true);
  now = 30_000;
  assert.equal(budget.recordCrash(), true);
  now = 70_000; // the first crash left the window
  assert.equal(budget.recordCrash(), true);
  now = 75_000;
  assert.equal(budget.recordCrash(), false);
  now = 200_000;
  assert.equal(budget.recentCrashes, 0);
  assert.equal(budget.recordCrash(), true);
});

test('reset() (the restart command) starts afresh', () => {
  const budget = new RestartBudget(1, 60_000, () => 0);
  assert.equal(budget.recordCrash(), true);
  assert.equal(budget.recordCrash(), false);
  budget.reset();
  assert.equal(budget.recordCrash(), true);
});
