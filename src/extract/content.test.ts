/** Main-content selection: teaser grids against a story told in `<article>` sections. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bodyText } from '../doc/index.js';
import { extract } from './index.js';

const page = (main: string) =>
  Buffer.from(`<!doctype html><html lang="en"><head><title>Potting a fern | Greenhouse Notes</title></head>
<body><nav><a href="/">Home</a> <a href="/guides">Guides</a></nav><main>${main}</main>
<footer>© Greenhouse Notes</footer></body></html>`);

const step = (n: number, text: string) =>
  `<article class="step"><header><div>STEP ${n}</div><h3>Step ${n} of the repotting</h3></header><p>${text}</p></article>`;

const steps = [
  'Water the fern the evening before so that the root ball holds together when you lift it out of the old pot.',
  'Choose a pot one size larger, with a drainage hole, and cover the bottom with a thin layer of coarse grit.',
  'Loosen the outer roots gently with your fingers, cutting away any that are brown, soft or smell of rot.',
  'Set the plant at the same depth as before and fill around it with a peat-free mix, pressing it down lightly.',
  'Keep the pot out of direct sun for a week and mist the fronds each morning while the roots settle in.',
];

test('a guide whose steps are link-free <article> sections keeps every step in the body', () => {
  const html = page(
    `<h1>Potting a fern</h1><section><p>Ferns outgrow their pots every two or three years, and moving one
    takes ten minutes if the soil is ready and the plant is watered the day before.</p></section>
    <section>${steps.map((s, i) => step(i + 1, s)).join('')}</section>`,
  );
  const r = extract({ bytes: html, source: 'guide.html', url: 'https://greenhouse.example/guides/fern' });
  assert.ok(r.ok);
  const body = bodyText(r.value);
  for (const s of steps) assert.ok(body.includes(s.slice(0, 40)), `step missing: ${s.slice(0, 40)}`);
  assert.equal(r.value.meta.status, 'article');
});

test('linked story cards beside a story stay out of its body', () => {
  const story = [
    'The county nursery will close its glasshouses for the winter on Friday, two weeks earlier than in past years.',
    'Heating costs rose by a third this autumn, the manager said, and the tropical collection has been moved indoors.',
    'Volunteers will keep the seed bank open on Saturday mornings, and the shop will sell bulbs until Christmas.',
    'The glasshouses are due to reopen in March, when the spring planting begins and the school visits restart.',
  ];
  const cards = ['Orchids for beginners', 'Saving tomato seed', 'A winter bird table', 'Pruning old roses']
    .map(
      (t, i) => `<article><a href="/story/${i}"><h3>${t}</h3></a><p>A short look at ${t.toLowerCase()}.</p></article>`,
    )
    .join('');
  const html = page(
    `<article><h1>Nursery glasshouses close early</h1>${story.map((p) => `<p>${p}</p>`).join('')}</article>
    <aside><h2>More stories</h2>${cards}</aside>`,
  );
  const r = extract({ bytes: html, source: 'story.html', url: 'https://greenhouse.example/news/closing-early' });
  assert.ok(r.ok);
  const body = bodyText(r.value);
  for (const p of story) assert.ok(body.includes(p.slice(0, 40)));
  assert.ok(!body.includes('Saving tomato seed'), body);
});
