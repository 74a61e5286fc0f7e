/** Date parsing for metadata: machine dates, text dates, URL dates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromUrl, parseMachineDate, parseMonthYearLine, parseTextDate } from './dates.js';

test('machine dates keep time and zone when given', () => {
  assert.equal(parseMachineDate('2019-11-19T02:34:30Z'), '2019-11-19T02:34:30Z');
  assert.equal(parseMachineDate('2024-03-05T09:30:00.000+0100'), '2024-03-05T09:30:00+01:00');
  assert.equal(parseMachineDate('2024-03-05'), '2024-03-05');
  assert.equal(parseMachineDate('20240305'), '2024-03-05');
  assert.equal(parseMachineDate('Tue, 05 Mar 2024 09:30:00 GMT'), '2024-03-05T09:30:00Z');
  assert.equal(parseMachineDate('2024-02-30'), null);
  assert.equal(parseMachineDate('not a date'), null);
});

test('text dates in several shapes', () => {
  assert.equal(parseTextDate('address a news conference on November 26, 2015.')?.iso, '2015-11-26');
  assert.equal(parseTextDate('Updated 26 Nov 2015, 10:05 GMT')?.iso, '2015-11-26T10:05:00Z');
  assert.equal(parseTextDate('Posted Nov. 3, 2020 at 4:15 p.m. EST')?.iso, '2020-11-03T16:15:00-05:00');
  assert.equal(parseTextDate('le 5 mars 2024')?.iso, '2024-03-05');
  assert.equal(parseTextDate('Cureus. 2023 Jan 7;15(1):e3')?.iso, '2023-01-07');
  assert.equal(parseTextDate('nothing here'), null);
  assert.equal(parseMonthYearLine('November 2015'), '2015-11');
  assert.equal(parseMonthYearLine('In November 2015 we left'), null);
});

test('dates in URL paths', () => {
  assert.equal(dateFromUrl('https://x.example/2019/11/19/story-slug'), '2019-11-19');
  assert.equal(dateFromUrl('https://x.example/news/2019-11-19-story'), '2019-11-19');
  assert.equal(dateFromUrl('https://x.example/story-20191119.html'), '2019-11-19');
  assert.equal(dateFromUrl('https://x.example/news/12345'), null);
  assert.equal(dateFromUrl('https://x.example/blog/2023/october/03/wine-styles/'), '2023-10-03');
  assert.equal(dateFromUrl('https://x.example/blog/2023/sep/4'), '2023-09-04');
  assert.equal(dateFromUrl('https://x.example/blog/2023/smarch/4'), null);
});

test('day-month-year dates in other languages', () => {
  assert.equal(parseTextDate('26. November 2015')?.iso, '2015-11-26');
  assert.equal(parseTextDate('publicado el 26 de noviembre de 2015')?.iso, '2015-11-26');
  assert.equal(parseTextDate('26 de novembro de 2015')?.iso, '2015-11-26');
});

test('numeric dates: day-first by default, month-first for US pages', () => {
  assert.equal(parseTextDate('03/04/2025')?.iso, '2025-04-03');
  assert.equal(parseTextDate('03/04/2025', true)?.iso, '2025-03-04');
  assert.equal(parseTextDate('12/25/2025')?.iso, '2025-12-25');
});
