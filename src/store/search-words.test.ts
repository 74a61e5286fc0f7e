import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { searchWords, tsqueryLiteral } from './search-words.js';

// Accents precomposed and combining, non-Latin scripts (kept accents, final sigma), ligatures, digits, private use.
const TEXTS = [
  "Élysée Palace, São Paulo's Zürich",
  'e\u0301cole naïve façade',
  'Øresund Łódź straße İstanbul',
  'U.S.-led 3.5% co-operate',
  'Москва Ὀδυσσεύς 東京 ١٢٣ Ἀθῆναι ΣΟΦΟΣ',
  'x²y ½ ǅemal ﬁne x\uE000y',
  'Nguyễn Tấn Dũng, ḤAMĀS',
];

test("search words are the words SQLite's FTS5 tokenizer indexes", () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE f USING fts5(s, tokenize='unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE v USING fts5vocab(f, 'row');`);
  const insert = db.prepare('INSERT INTO f (s) VALUES (?)');
  for (const t of TEXTS) insert.run(t);
  const fts = (db.prepare('SELECT term FROM v').all() as { term: string }[]).map((r) => r.term).sort();
  assert.deepEqual([...new Set(TEXTS.flatMap(searchWords))].sort(), fts);
  db.close();
});

test('a search needs every word, folded; no words, no search', () => {
  assert.equal(tsqueryLiteral('Élysée  talks!'), "'elysee' & 'talks'");
  assert.equal(tsqueryLiteral('!!!'), null);
});
