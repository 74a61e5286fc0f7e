/** Output of a chunk with a title and an unknown name: "Planning and Investment Minister Tran Xuan Gia". */
import { isSubject, pickSector } from '../candidate.js';
import { makeCode, type Identity } from '../identity.js';
import { rawText, spanStart, textCountry, type Chunk, type ChunkResult } from './state.js';

/** Output for an unknown name after a title or honorific. */
export function titledNameResult(s: Chunk): ChunkResult {
  const { ws, nameStart, nameEnd, org, title } = s;
  const headSector = pickSector(s.sectors);
  const sector = s.former ? 'ELI' : (headSector?.sector ?? 'UNK');
  // "Arab League Secretary General Chadli Klibi": the organisation's officer.
  const cc = textCountry(s) ?? (org ? org.country || null : null) ?? headSector?.defaultCountry ?? null;
  const ident: Identity = {
    name: rawText(s, nameStart, nameEnd),
    country: cc,
    sector,
    code: makeCode(cc, sector),
    confidence: cc ? 0.8 : 0.6,
    evidence: [`title "${title?.text ?? ws[nameStart - 1]?.raw ?? 'name'}" + unknown name`],
  };
  const start = spanStart(s);
  const cand = {
    i: start,
    j: s.p,
    kind: title || headSector ? 'title' : 'unknown',
    ident,
    person: true,
    titleRole: title?.role,
    surnameKey: ws[nameEnd - 1].key,
    subject: isSubject(s.cx, start, nameEnd),
  };
  return { cands: [cand], end: s.p };
}
