import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterKey, compatible, dayOf, dayWindow, type ClusterFacts } from './key.js';
import { groupEvents } from './group.js';

const f = (id: string, day: string | null, more: Partial<ClusterFacts> = {}) => ({
  id,
  type: 'CONSULT',
  actorCodes: ['FRAGOV'],
  recipientCodes: ['RUSGOV'],
  day,
  placeCountry: null,
  ...more,
});

test('the key compares countries, so FRAGOV and FRA match; type and sides must agree', () => {
  assert.equal(clusterKey(f('a', null)), clusterKey(f('b', null, { actorCodes: ['FRA', 'FRAMIL'] })));
  assert.notEqual(clusterKey(f('a', null)), clusterKey(f('b', null, { type: 'AGREE' })));
  assert.notEqual(
    clusterKey(f('a', null)),
    clusterKey(f('b', null, { actorCodes: ['RUSGOV'], recipientCodes: ['FRAGOV'] })),
  );
});

test('dates within the window and non-contradicting places are compatible', () => {
  assert.ok(compatible(f('a', '2024-02-28'), f('b', '2024-02-29')));
  assert.ok(!compatible(f('a', '2024-02-28'), f('b', '2024-03-01')));
  assert.ok(!compatible(f('a', '2024-02-28'), f('b', null)));
  assert.ok(compatible(f('a', null), f('b', null)));
  assert.ok(compatible(f('a', '2024-02-28', { placeCountry: 'UKR' }), f('b', '2024-02-28')));
  assert.ok(!compatible(f('a', '2024-02-28', { placeCountry: 'UKR' }), f('b', '2024-02-28', { placeCountry: 'POL' })));
  assert.deepEqual(dayWindow('2024-03-01'), { from: '2024-02-29', to: '2024-03-02' });
});

test('groups are connected parts named by their smallest id, whatever the order', () => {
  const items = [f('c', '2024-01-03'), f('a', '2024-01-01'), f('b', '2024-01-02'), f('z', '2024-01-09')];
  const one = groupEvents(items);
  const two = groupEvents([...items].reverse());
  assert.deepEqual([...one.entries()].sort(), [...two.entries()].sort());
  assert.equal(one.get('c'), 'a', 'a–b–c chain through b');
  assert.equal(one.get('z'), 'z');
});

test('a day no calendar has is no day: the event clusters as undated instead of failing the document', () => {
  assert.equal(dayOf('2024-02-29T10:00:00Z'), '2024-02-29');
  assert.equal(dayOf('2024-13-01'), null);
  assert.equal(dayOf('2023-02-29'), null);
  assert.equal(dayOf('2024-04-31'), null);
  assert.equal(dayOf('next week'), null);
  assert.deepEqual(dayWindow('2024-03-01'), { from: '2024-02-29', to: '2024-03-02' });
});
