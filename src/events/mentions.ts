/** Token → mention lookup for one document, so argument phrases map to mention ids quickly. */
import { tokenAt } from '../doc/index.js';
import type { Doc, Mention } from '../doc/index.js';
import type { SentenceView } from './syntax.js';
import { phraseTokens } from './args.js';

/** A mention's kind without its detail ("org(pattern)" → "org", "sector:police" → "sector"). */
export function mentionKind(m: Mention): string {
  return m.kind.split(/[:(]/)[0];
}

/** For each token, the indices of mentions overlapping it. */
export class MentionIndex {
  private readonly byToken = new Map<number, number[]>();
  readonly mentions: Mention[];

  constructor(doc: Doc) {
    this.mentions = doc.layers.mentions ?? [];
    const t = doc.layers.tokens!;
    this.mentions.forEach((m, k) => {
      for (let i = tokenAt(t, m.start); i < t.count && t.start[i] < m.end; i++) {
        let l = this.byToken.get(i);
        if (!l) this.byToken.set(i, (l = []));
        l.push(k);
      }
    });
  }

  /** Mentions overlapping token i. */
  at(i: number): Mention[] {
    return (this.byToken.get(i) ?? []).map((k) => this.mentions[k]);
  }

  /**
   * Mentions for an argument phrase: the one covering its head when there is one,
   * else every mention inside the phrase (e.g. "Hungarian and Romanian officials").
   */
  forPhrase(v: SentenceView, head: number, tokens: number[]): Mention[] {
    const own = this.at(head);
    if (own.length) return [own.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a))];
    const out: Mention[] = [];
    for (const t of tokens) for (const m of this.at(t)) if (!out.includes(m)) out.push(m);
    void v;
    return out;
  }

  /** Mentions of argument heads, in order, each once: {@link forPhrase} over each head's phrase (`deep`: with nmod). */
  forHeads(v: SentenceView, heads: number[], deep: boolean): Mention[] {
    const out: Mention[] = [];
    for (const h of heads)
      for (const m of this.forPhrase(v, h, phraseTokens(v, h, deep))) if (!out.includes(m)) out.push(m);
    return out;
  }
}
