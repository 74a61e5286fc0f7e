/** Hostile and odd inputs: gzip, binary, empty, huge, deeply nested, malformed, and legacy encodings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { extract, MAX_TEXT_CHARS } from './index.js';
import { decodeBytes } from './decode.js';

const para =
  '<p>' + 'The minister said the talks would continue next week in Geneva, officials confirmed. '.repeat(4) + '</p>\n';
const page = (inner: string, head = '') =>
  `<!doctype html><html><head>${head}</head><body><article>${inner}</article></body></html>`;

test('gzip is detected by its magic and unpacked; truncated gzip is bad-gzip', () => {
  const gz = gzipSync(Buffer.from(page(para.repeat(5))));
  const r = extract({ bytes: gz, source: 'x.html.gz' });
  assert.ok(r.ok);
  assert.match(r.value.text, /talks would continue/);
  const t = extract({ bytes: gz.subarray(0, gz.length >> 1), source: 'cut.gz' });
  assert.equal(t.ok, false);
  assert.equal(!t.ok && t.code, 'bad-gzip');
});

test('binary, empty and blank inputs are errors with codes', () => {
  const png = extract({
    bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
    source: 'a.png',
  });
  assert.equal(!png.ok && png.code, 'binary');
  const nul = extract({ bytes: Buffer.from('text\0with\0nuls'), source: 'n' });
  assert.equal(!nul.ok && nul.code, 'binary');
  const gzBin = extract({ bytes: gzipSync(Buffer.from([0, 0, 1, 2, 0, 3])), source: 'g' });
  assert.equal(!gzBin.ok && gzBin.code, 'binary');
  const empty = extract({ bytes: new Uint8Array(0), source: 'e' });
  assert.equal(!empty.ok && empty.code, 'empty');
  const blank = extract({ bytes: Buffer.from(' \n\t '), source: 'b' });
  assert.equal(!blank.ok && blank.code, 'empty');
});

// Walks are iterative, so these finish within the default work budget (speed itself is bench:extract's job).
test('10,000-deep nesting and 100,000 unclosed tags parse without overflowing the stack', () => {
  const deep = page('<div>'.repeat(10000) + para.repeat(3) + '</div>'.repeat(10000));
  const r = extract({ bytes: Buffer.from(deep), source: 'deep' });
  assert.ok(r.ok);
  assert.match(r.value.text, /talks would continue/);
  const r2 = extract({ bytes: Buffer.from('<html><body>' + '<div><span>'.repeat(100000) + para), source: 'unclosed' });
  assert.ok(r2.ok, !r2.ok ? r2.reason : '');
});

// No wall-clock bar here (a shared machine under load misses any): the check is that all of it comes through
// within the default work budget; speed on big pages is bench:extract's job.
test('a 5 MB page extracts whole; a tiny work budget gives too-large', () => {
  const n = Math.ceil(5e6 / para.length);
  const big = Buffer.from(page(Array.from({ length: n }, (_, i) => para.replace('<p>', `<p>Item ${i}. `)).join('')));
  const r = extract({ bytes: big, source: 'big' });
  assert.ok(r.ok, !r.ok ? r.reason : '');
  assert.ok(r.value.text.length > 3.5e6);
  const small = extract({ bytes: big, source: 'big' }, { workLimit: 1000 });
  assert.equal(!small.ok && small.code, 'too-large');
});

test('plain text over MAX_TEXT_CHARS is too-large before it is cut into blocks', () => {
  const line = 'Delegates from both sides met in Geneva on Monday. ';
  const big = Buffer.from(line.repeat(Math.ceil((MAX_TEXT_CHARS + 1) / line.length)));
  const r = extract({ bytes: big, source: 'big.txt' });
  assert.equal(!r.ok && r.code, 'too-large');
  assert.ok(extract({ bytes: Buffer.from(line.repeat(1000)), source: 'ok.txt' }).ok);
});

test('malformed HTML does not throw', () => {
  const r = extract({
    bytes: Buffer.from('<html><body><p>Unclosed <b>bold <i>x <div>' + para + '</span></td></html><<<>> <p <a href="'),
    source: 'm',
  });
  assert.ok(r.ok);
  assert.match(r.value.text, /talks would continue/);
});

// Legacy encodings, written with TextEncoder-free byte tables so the test needs no iconv.
const KOI8: Record<string, number> = {
  М: 0xed,
  и: 0xc9,
  н: 0xce,
  с: 0xd3,
  т: 0xd4,
  р: 0xd2,
  з: 0xda,
  а: 0xc1,
  я: 0xd1,
  л: 0xcc,
  ' ': 0x20,
  '.': 0x2e,
  е: 0xc5,
  о: 0xcf,
  в: 0xd7,
  д: 0xc4,
  ы: 0xd9,
  ч: 0xde,
};
function koi8(s: string): number[] {
  return [...s].map((c) => {
    const b = KOI8[c] ?? (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : undefined);
    assert.ok(b !== undefined, `no KOI8 byte for ${c}`);
    return b;
  });
}

test('KOI8-R without a declaration is detected; declared charsets are honoured', () => {
  const ru = 'Министр заявил. '.repeat(30);
  const bytes = Buffer.from([...Buffer.from('<html><body><p>'), ...koi8(ru), ...Buffer.from('</p></body></html>')]);
  const d = decodeBytes(bytes);
  assert.ok(d.ok);
  assert.equal(d.ok && d.encoding, 'koi8-r');
  assert.match(d.ok ? d.text : '', /Министр заявил/);
  const declared = decodeBytes(Buffer.from([...Buffer.from('<meta charset="koi8-r"><p>'), ...koi8('Министр')]));
  assert.equal(declared.ok && declared.from, 'meta');
  assert.match(declared.ok ? declared.text : '', /Министр/);
});

test('windows-1252, Shift_JIS and GB18030 bytes decode right', () => {
  const fr = Buffer.from(
    '<p>Le ministre a d\xe9clar\xe9 que les n\xe9gociations se poursuivraient \xe0 Gen\xe8ve \x96 \x93bient\xf4t\x94.</p>',
    'latin1',
  );
  const d1 = decodeBytes(fr);
  assert.ok(d1.ok && d1.encoding === 'windows-1252');
  assert.match(d1.ok ? d1.text : '', /déclaré .* Genève – “bientôt”/);
  // "日本語のニュース" in Shift_JIS, repeated.
  const sjis = Buffer.from('93fa967b8cea82cc836a8385815b8358'.repeat(20), 'hex');
  const d2 = decodeBytes(sjis);
  assert.ok(d2.ok && d2.encoding === 'shift_jis', d2.ok ? d2.encoding : '');
  assert.match(d2.ok ? d2.text : '', /日本語のニュース/);
  // "中文新闻报道" in GB18030 (GBK range), repeated.
  const gb = Buffer.from('d6d0cec4d0c2cec5b1a8b5c0'.repeat(20), 'hex');
  const d3 = decodeBytes(gb, 'text/html; charset=gb2312');
  assert.ok(d3.ok);
  assert.match(d3.ok ? d3.text : '', /中文新闻报道/);
  const d4 = decodeBytes(gb);
  assert.ok(d4.ok && d4.encoding === 'gb18030', d4.ok ? d4.encoding : '');
});

test('BOM wins; valid UTF-8 beats a wrong latin-1 declaration', () => {
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>Genève</p>', 'utf16le')]);
  const d = decodeBytes(u16);
  assert.ok(d.ok && d.encoding === 'utf-16le' && d.text.includes('Genève'));
  const lied = decodeBytes(Buffer.from('<meta charset="iso-8859-1"><p>Genève</p>'));
  assert.ok(lied.ok && lied.encoding === 'utf-8' && lied.text.includes('Genève'));
});

// Speed is measured by bench:extract, not here: this test only checks that the cap stops the parse.
test('a page of hundreds of thousands of elements stops at the element cap, with a signal', () => {
  const r = extract({
    bytes: Buffer.from('<html><body>' + para + '<p>a</p>'.repeat(400000) + '</body></html>'),
    source: 'many',
  });
  assert.ok(r.ok);
  assert.ok(r.value.meta.statusSignals.includes('truncated:elements'));
});
