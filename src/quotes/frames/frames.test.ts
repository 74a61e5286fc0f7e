import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FRAME_RULES, frame } from './index.js';
import { according } from './according.js';
import { participle } from './participle.js';
import { inverted } from './inverted.js';
import { passive } from './passive.js';
import { postposed } from './postposed.js';
import { preposed } from './preposed.js';
import { frameAt, textOf } from './fixture.js';

test('frames: the rules are tried in a fixed, named order', () => {
  assert.deepEqual(
    FRAME_RULES.map((r) => r.name),
    ['according', 'participle', 'inverted', 'passive', 'postposed', 'preposed'],
  );
});

test('according: front and back, and not for other cues', () => {
  const f = frameAt('According to the ministry, the talks will resume in May.');
  const a = according(f)!;
  assert.equal(a.frame, 'according-front');
  assert.equal(textOf(f, a.source), 'the ministry');
  assert.equal(textOf(f, a.content), 'the talks will resume in May');
  const b = according(frameAt('The talks will resume in May, according to the ministry.'))!;
  assert.equal(b.frame, 'according-back');
  assert.equal(according(frameAt('The minister said the talks would resume.')), undefined);
});

test('participle: ", saying …" takes the subject of the clause', () => {
  const f = frameAt('The minister left the room, saying the talks had failed.');
  const a = participle(f)!;
  assert.equal(a.sourceKind, 'participle');
  assert.equal(textOf(f, a.source), 'The minister');
  assert.equal(textOf(f, a.content), 'the talks had failed');
});

test('inverted: "CONTENT, said X." but not "X, a member, said"', () => {
  const f = frameAt('The border will stay closed, said the foreign minister.');
  const a = inverted(f)!;
  assert.equal(a.frame, 'inverted');
  assert.equal(textOf(f, a.source), 'the foreign minister');
  assert.equal(inverted(frameAt('The minister said the border would stay closed.')), undefined);
});

test('passive: "it was reported that" has no source; without a clause it decides none', () => {
  const f = frameAt('It was reported that the border would stay closed.');
  const a = passive(f)!;
  assert.equal(a.frame, 'passive');
  assert.equal(a.source, null);
  assert.equal(passive(frameAt('The minister said the border would stay closed.')), undefined);
});

test('postposed: "CONTENT, X said on Monday."', () => {
  const f = frameAt('The border will stay closed, the minister said on Monday.');
  const a = postposed(f)!;
  assert.equal(a.frame, 'postposed');
  assert.equal(textOf(f, a.source), 'the minister');
  assert.equal(textOf(f, a.content), 'The border will stay closed');
});

test('preposed: "X said that CONTENT"; none without a phrase before the cue', () => {
  const f = frameAt('The minister said on Monday that the border would stay closed.');
  const a = preposed(f)!;
  assert.equal(textOf(f, a.content), 'that the border would stay closed');
  assert.equal(textOf(f, a.source), 'The minister');
  assert.equal(frame(f.v, f.from, f.to, f.cue, f.cueSpan, f.marked, [])?.frame, 'preposed');
});
