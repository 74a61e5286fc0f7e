/** End to end on the seed page (../shared): extraction, then events through the whole pipeline. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT, sharedRoot } from '../doc/index.js';

const shared = sharedRoot();
const SEED = shared ? join(shared, 'seed', '000_c552f0d34fe51c66.txt') : '';
const run = (args: string[]) =>
  spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'dateline.js'), ...args], { encoding: 'utf8' });

test(
  'seed page: chrome and dead-page notice dropped, caption apart, dated',
  { skip: !shared && 'no ../shared' },
  () => {
    const r = run(['extract', '--jsonl', SEED]);
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.status, 'article');
    assert.doesNotMatch(doc.text, /Skip to main content/);
    assert.doesNotMatch(doc.text, /page is not available|no longer exists/);
    assert.match(doc.text, /intensify the exchange of intelligence/);
    assert.ok(
      doc.captions.some((c: string) => /Kadobnov/.test(c)),
      'the photo caption is kept apart',
    );
    assert.doesNotMatch(doc.text, /Kadobnov/);
    assert.equal(String(doc.published).slice(0, 10), '2015-11-26');
  },
);

test(
  'seed page: CONSULT FRA–RUS, an AGREE between them, nothing from the notice',
  { skip: !shared && 'no ../shared' },
  () => {
    const r = run(['events', '--jsonl', SEED]);
    assert.equal(r.status, 0, r.stderr);
    const events = r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    assert.ok(events.length > 0, 'events found');
    for (const e of events) {
      for (const k of [
        'id',
        'doc',
        'sentence',
        'sentence_span',
        'type',
        'mode',
        'contexts',
        'cameo',
        'quad',
        'actor',
        'recipient',
        'date',
        'negated',
        'modality',
        'trigger',
        'decided_by',
      ]) {
        assert.ok(k in e, `event has ${k}`);
      }
      assert.doesNotMatch(e.sentence, /page is not available|no longer exists|links below/);
    }
    const countries = (args: { country: string | null }[]) => new Set(args.map((a) => a.country));
    const between = (
      e: { actor: { country: string | null }[]; recipient: { country: string | null }[] },
      a: string,
      b: string,
    ) => {
      const all = new Set([...countries(e.actor), ...countries(e.recipient)]);
      return all.has(a) && all.has(b);
    };
    const consult = events.filter((e) => e.type === 'CONSULT' && between(e, 'FRA', 'RUS'));
    assert.ok(
      consult.length > 0,
      `a CONSULT between FRA and RUS: ${JSON.stringify(events.map((e) => [e.type, e.trigger.text]))}`,
    );
    assert.ok(
      consult.some((e) => e.date === '2015-11-26'),
      'dated 2015-11-26',
    );
    assert.ok(events.length <= 30, `no more than 30 events by default (${events.length})`);
    // The event gate keeps the FRA–RUS agreement ("intensify the exchange") below its default threshold (issue #10
    // note): it is still coded, with both parties, when the threshold is lowered.
    const low = run(['events', '--jsonl', '--min-confidence', '0', SEED]);
    const all = low.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const agree = all.filter((e) => e.type === 'AGREE' && between(e, 'FRA', 'RUS'));
    assert.ok(agree.length > 0, 'an AGREE between FRA and RUS');
  },
);

test(
  'seed page: the talks are placed in Moscow and the November 13 attacks in Paris',
  { skip: !shared && 'no ../shared' },
  () => {
    const r = run(['events', '--jsonl', SEED]);
    assert.equal(r.status, 0, r.stderr);
    const events = r.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    const talks = events.find((e) => e.type === 'CONSULT' && e.trigger.text === 'talks');
    assert.ok(talks, 'the talks are an event');
    assert.equal(talks.place?.name, 'Moscow');
    assert.equal(talks.place?.country, 'RUS');
    assert.ok(Math.abs(talks.place.lat - 55.75) < 0.1 && Math.abs(talks.place.lon - 37.62) < 0.1);
    // The November 13 attacks name no party the actors stage codes, so the event gate's hard gate (a coded party on
    // one side) drops them (issue #10 note); any ASSAULT that sentence yields must be placed in Paris.
    const attacks = events.filter((e) => e.type === 'ASSAULT' && /November 13 attacks/.test(e.sentence));
    for (const e of attacks) {
      assert.equal(e.place?.name, 'Paris', JSON.stringify(e.place));
      assert.equal(e.place?.country, 'FRA');
    }
  },
);
