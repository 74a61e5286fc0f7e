/** The article view: the document's text with actors, triggers and quotes marked, its events listed; the chosen
 * event's sentence is highlighted and scrolled into view. */
import { useEffect } from 'preact/hooks';
import { QUADS, useApi } from './api';
import { setUrl, type UrlState } from './state';

interface Span {
  start: number;
  end: number;
}
interface DocEvent extends Span {
  id: string;
  key: string;
  type: string;
  quad: number;
  date: string | null;
  triggerSpan: Span;
  actorIds: string[];
  recipientIds: string[];
  actor: { code: string }[];
  recipient: { code: string }[];
  confidence: number;
}
interface Mention extends Span {
  id: string;
  name: string;
  code: string;
}
interface DocOut {
  id: string;
  title: string | null;
  url: string | null;
  source: string;
  published: string | null;
  text: string;
  layers: { blocks: (Span & { kind: string })[]; mentions: Mention[]; quotes: Span[]; events: DocEvent[] };
}

/** Which marks cover a piece of text. */
interface Marks {
  mention?: Mention;
  trigger: boolean;
  quote: boolean;
  sel: boolean;
  selTrigger: boolean;
  selArg: boolean;
}

/** Split [start, end) at every span boundary, with the marks of each piece. */
function segments(d: DocOut, block: Span, sel: DocEvent | undefined) {
  const { mentions, quotes, events } = d.layers;
  const cuts = new Set([block.start, block.end]);
  const spans: Span[] = [...mentions, ...quotes, ...events.map((e) => e.triggerSpan), ...(sel ? [sel] : [])];
  for (const s of spans) for (const x of [s.start, s.end]) if (x > block.start && x < block.end) cuts.add(x);
  const xs = [...cuts].sort((a, b) => a - b);
  const within = (s: Span, a: number) => s.start <= a && a < s.end;
  const selArgs = new Set([...(sel?.actorIds ?? []), ...(sel?.recipientIds ?? [])]);
  const out: { text: string; start: number; m: Marks }[] = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = xs[i];
    const mention = mentions.find((m) => within(m, a));
    out.push({
      text: d.text.slice(a, xs[i + 1]),
      start: a,
      m: {
        mention,
        trigger: events.some((e) => within(e.triggerSpan, a)),
        quote: quotes.some((q) => within(q, a)),
        sel: !!sel && within(sel, a),
        selTrigger: !!sel && within(sel.triggerSpan, a),
        selArg: !!mention && selArgs.has(mention.id),
      },
    });
  }
  return out;
}

/** One piece of text with its marks as classes. */
function Piece({ text, m }: { text: string; m: Marks }) {
  const cls = [
    m.mention && 'mention',
    m.trigger && 'trigger',
    m.quote && 'quote',
    m.sel && 'sel',
    m.selTrigger && 'sel-trigger',
    m.selArg && 'sel-arg',
  ]
    .filter(Boolean)
    .join(' ');
  if (!cls) return <>{text}</>;
  const title = m.mention ? `${m.mention.name} (${m.mention.code})` : undefined;
  return (
    <span class={cls} title={title}>
      {text}
    </span>
  );
}

/** The article view. */
export function ArticleView({ s }: { s: UrlState }) {
  const r = useApi<DocOut>(s.doc ? `api/documents/${encodeURIComponent(s.doc)}` : null);
  const d = r.data;
  const sel = d?.layers.events.find((e) => e.key === s.event);
  useEffect(() => {
    if (!sel) return;
    document.querySelector('.article-text .sel')?.scrollIntoView({ block: 'center' });
  }, [sel?.key, d?.id]);
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && history.back();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, []);
  if (!s.doc) return <p class="muted">Choose an event to read its article.</p>;
  if (r.error) return <p class="error">{r.error}</p>;
  if (!d) return <p class="muted">Loading the article…</p>;
  const blocks = d.layers.blocks.length ? d.layers.blocks : [{ start: 0, end: d.text.length, kind: 'paragraph' }];
  return (
    <div class="view article">
      <article class="doc" aria-label="Article text">
        <p class="muted">
          <button class="link" onClick={() => history.back()}>
            ← back
          </button>{' '}
          {d.published ?? 'undated'} · {d.url ? <a href={d.url}>{d.url}</a> : d.source}
        </p>
        <h2>{d.title ?? 'Untitled'}</h2>
        <p class="legend" aria-label="Legend">
          <span class="mention">actor</span> <span class="trigger">event trigger</span>{' '}
          <span class="quote">quotation</span> <span class="sel">selected event's sentence</span>
        </p>
        <div class="article-text">
          {blocks.map((b) => {
            const Tag = b.kind === 'heading' ? 'h3' : b.kind === 'caption' ? 'figcaption' : 'p';
            return (
              <Tag key={b.start}>
                {segments(d, b, sel).map((p) => (
                  <Piece key={p.start} text={p.text} m={p.m} />
                ))}
              </Tag>
            );
          })}
        </div>
      </article>
      <aside class="docevents" aria-label="Events in this article">
        <h3>{d.layers.events.length} events</h3>
        <ol>
          {d.layers.events.map((e) => (
            <li key={e.key}>
              <button
                class={e.key === s.event ? 'event on' : 'event'}
                aria-current={e.key === s.event ? 'true' : undefined}
                onClick={() => setUrl({ event: e.key }, true)}
              >
                <span class="swatch" style={{ background: QUADS[String(e.quad)]?.color }} />
                <b>{e.type}</b> {e.actor.map((a) => a.code).join('+') || '–'} →{' '}
                {e.recipient.map((a) => a.code).join('+') || '–'}
                <span class="muted">
                  {' '}
                  “{d.text.slice(e.triggerSpan.start, e.triggerSpan.end)}” · {e.confidence.toFixed(2)}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
