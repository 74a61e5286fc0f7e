/**
 * Browser tests: the built UI in Debian's Chromium (playwright-core), served over HTTP by the real API on a store
 * built from the bundled examples. Each view is opened and screenshotted (to DATELINE_ARTIFACTS or a temp folder);
 * an event is clicked through to its highlighted sentence; any console error fails. Without /usr/bin/chromium the
 * tests skip with a message, except in CI (CI set), where they must run.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { createApi } from '../api/index.js';
import { PACKAGE_ROOT } from '../doc/index.js';
import { ingestInto } from '../main/commands/ingest.js';
import { loadAnalysis } from '../main/engine.js';
import { openSqliteStore, type SqliteStore } from '../store/index.js';

const CHROMIUM = '/usr/bin/chromium';
const UI_DIR = join(PACKAGE_ROOT, 'dist', 'web');
const missing = !existsSync(CHROMIUM) ? `${CHROMIUM} is absent (apt-get install chromium)` : null;
const skip = missing && !process.env.CI ? `skipped: ${missing}` : false;
if (skip) process.stdout.write(`# browser tests ${skip}\n`);

const shots = process.env.DATELINE_ARTIFACTS ?? mkdtempSync(join(tmpdir(), 'dateline-ui-'));
let store: SqliteStore;
let server: ServerType;
let base = '';
let browser: Browser;
const consoleErrors: string[] = [];

before(async () => {
  if (skip) return;
  assert.ok(existsSync(join(UI_DIR, 'index.html')), 'the UI is built (npm run build)');
  await loadAnalysis();
  store = openSqliteStore(':memory:');
  const saved = process.stderr.write;
  process.stderr.write = () => true; // the bundled truncated page reports its error line
  try {
    await ingestInto(store, [join(PACKAGE_ROOT, 'examples')], { workers: 1 });
  } finally {
    process.stderr.write = saved;
  }
  const app = createApi({ reader: store.read, uiDir: UI_DIR });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(shots, { recursive: true });
  process.stdout.write(`# screenshots in ${shots}\n`);
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  store?.close();
});

/** A page at `width`×`height` whose console errors and uncaught exceptions are collected. */
async function open(path: string, width = 1280, height = 800): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(base + path);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

test('timeline: stacked chart renders, dragging sets the date filter in the URL', { skip }, async () => {
  const page = await open('?view=timeline');
  const svg = page.locator('.chart svg.timeline-plot');
  await svg.waitFor();
  assert.ok((await page.locator('.chart svg.timeline-plot rect').count()) > 3, 'bars drawn');
  await page.locator('.eventlist .event').first().waitFor();
  await shot(page, 'timeline-1280');
  const box = (await svg.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForURL(/since=\d{4}-\d\d-\d\d.*until=/);
  await page.locator('.chart svg.timeline-plot').waitFor();
  await shot(page, 'timeline-brushed');
  await page.close();
});

test('network: sigma draws the actor graph; a chip filters by actor', { skip }, async () => {
  const page = await open('?view=network');
  await page.locator('.graph canvas').first().waitFor();
  await page.waitForTimeout(300);
  await shot(page, 'network-1280');
  await page.locator('.actors .chip').first().click();
  await page.waitForURL(/party=/);
  await page.close();
});

test('map: countries drawn offline and shaded; clicking one filters by country', { skip }, async () => {
  const page = await open('?view=map');
  await page.locator('.country').nth(100).waitFor();
  const shaded = await page.locator('.country.has').count();
  assert.ok(shaded >= 5, `countries with events shaded (${shaded})`);
  await shot(page, 'map-1280');
  await page.locator('.country.has').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/country=[A-Z]{3}/);
  await page.close();
});

test('table → article: Enter on an event opens its sentence highlighted, trigger marked', { skip }, async () => {
  const page = await open('?view=table&sort=-confidence');
  const row = page.locator('table.events tbody tr').first();
  await row.waitFor();
  assert.ok((await page.locator('table.events tbody tr').count()) > 5);
  await shot(page, 'table-1280');
  const id = (await row.getAttribute('data-event'))!;
  const trigger = (await row.locator('td.trig').textContent())!.trim();
  const sentence = (await row.locator('td.trig').getAttribute('title'))!;
  await row.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`view=article.*event=${encodeURIComponent(id).replace(/%3A/, '(:|%3A)')}`));
  const sel = page.locator('.article-text .sel');
  await sel.first().waitFor();
  const selected = (await sel.allTextContents()).join('');
  assert.equal(
    selected.replace(/\s+/g, ' ').trim(),
    sentence.replace(/\s+/g, ' ').trim(),
    'the sentence is highlighted',
  );
  assert.equal((await page.locator('.article-text .sel-trigger').allTextContents()).join(''), trigger);
  assert.ok(await sel.first().isVisible(), 'scrolled into view');
  await shot(page, 'article-1280');
  await page.close();
});

test('timeline event list → article, and phone-sized views stay readable', { skip }, async () => {
  const page = await open('?view=timeline', 390, 844);
  const first = page.locator('.eventlist .event').first();
  await first.waitFor();
  await page.locator('.chart svg.timeline-plot').waitFor();
  await shot(page, 'timeline-phone');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);
  await first.click();
  await page.locator('.article-text .sel-trigger').first().waitFor();
  await shot(page, 'article-phone');
  await page.goto(base + '?view=table');
  await page.locator('table.events tbody tr').first().waitFor();
  await shot(page, 'table-phone');
  await page.close();
});

test('no console errors in any view', { skip }, () => {
  assert.deepEqual(consoleErrors, []);
});
