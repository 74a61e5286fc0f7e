import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSlowClock } from '../pipeline/slow-clock.js';
import { Budget, BudgetExceeded } from './budget.js';
import { extract, EXTRACT_WORK_LIMIT } from './index.js';

test('a work budget trips on the step that goes over it, not before', () => {
  const b = new Budget(10, 'steps');
  b.spend(4);
  b.spend(6);
  assert.equal(b.spent, 10);
  assert.throws(() => b.spend(1), BudgetExceeded);
});

const para = '<p>The minister said the talks would continue next week in Geneva, officials confirmed.</p>\n';
// 20,000 tags inside a <math> subtree (dropped by extraction, but parsed; inline SVG is cut before parsing) and an article around them.
const page = Buffer.from(
  `<html><body><article>${para.repeat(20)}<math>${'<mi></mi>'.repeat(20000)}</math>${para}</article></body></html>`,
);

test('the extraction work limit counts tags and elements: the same page passes or fails by its size alone', () => {
  const ok = extract({ bytes: page, source: 'p.html' });
  assert.ok(ok.ok, !ok.ok ? ok.reason : '');
  const over = extract({ bytes: page, source: 'p.html' }, { workLimit: 10_000 });
  assert.equal(!over.ok && over.code, 'too-large');
  assert.match(!over.ok ? over.reason : '', /10000-step work budget/);
  assert.ok(EXTRACT_WORK_LIMIT > 20_000);
});

test('the same page gives the same outcome under a clock that jumps an hour a read', () => {
  const fast = [
    extract({ bytes: page, source: 'p.html' }),
    extract({ bytes: page, source: 'p.html' }, { workLimit: 10_000 }),
  ];
  const slow = withSlowClock(() => [
    extract({ bytes: page, source: 'p.html' }),
    extract({ bytes: page, source: 'p.html' }, { workLimit: 10_000 }),
  ]);
  assert.equal(slow[0].ok && slow[0].value.text, fast[0].ok && fast[0].value.text);
  assert.ok(slow[0].ok && slow[0].value.text.includes('talks would continue'));
  assert.deepEqual(slow[1], fast[1]);
});
