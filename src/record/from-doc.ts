/** Event records from an in-memory Doc (no store): clusters are those within the document. */
import type { Doc, EventRecord, Mention } from '../doc/index.js';
import { dayOf, groupEvents, type ClusterFacts } from '../clusters/index.js';
import { buildRecord, type ArgIn, type EventOut, type PlaceIn } from './record.js';
import { siteOf } from './site.js';

/** The record argument for one mention. */
function mentionArg(doc: Doc, m: Mention): ArgIn {
  return {
    text: doc.text.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    name: m.name,
    country: m.country,
    sector: m.sector,
    code: m.code,
    wikidata: m.wikidata,
    place: (m.place as PlaceIn | undefined) ?? null,
  };
}

/** The document-level fields every record of `doc` shares. */
export function docFields(doc: Doc) {
  const url = doc.source.url ?? doc.source.canonicalUrl;
  return {
    id: doc.id,
    source: doc.source.source,
    url,
    site: siteOf(url),
    published: doc.meta.published?.value ?? null,
  };
}

/** The clustering facts of one event in `doc`. */
export function eventFacts(doc: Doc, e: EventRecord, mentions: Map<string, Mention>): ClusterFacts & { id: string } {
  const codes = (ids: string[]) => ids.map((id) => mentions.get(id)?.code ?? '');
  return {
    id: `${doc.id}:${e.id}`,
    type: e.type,
    actorCodes: codes(e.actor),
    recipientCodes: codes(e.recipient),
    day: dayOf(e.date) ?? dayOf(doc.meta.published?.value),
    placeCountry: e.place?.country ?? null,
  };
}

/** Every event of `doc` as a record; `mentions` counts the document's mentions of the same event. */
export function recordsFromDoc(doc: Doc): EventOut[] {
  const events = doc.layers.events ?? [];
  const mentions = new Map((doc.layers.mentions ?? []).map((m) => [m.id, m]));
  const clusters = groupEvents(events.map((e) => eventFacts(doc, e, mentions)));
  const size = new Map<string, number>();
  for (const c of clusters.values()) size.set(c, (size.get(c) ?? 0) + 1);
  const fields = docFields(doc);
  // The parties: their mentions, then argument phrases no mention covers ("the rebels", "a car bomb"), with no code,
  // so a user sees the whole argument and a coded mention is never invented.
  const args = (ids: string[], phrases: EventRecord['actorSpans']) => {
    const ms = ids
      .map((id) => mentions.get(id))
      .filter((m): m is Mention => !!m)
      .map((m) => mentionArg(doc, m));
    for (const p of phrases ?? [])
      if (!ms.some((m) => m.start < p.end && p.start < m.end))
        ms.push({
          text: doc.text.slice(p.start, p.end),
          start: p.start,
          end: p.end,
          name: '',
          country: null,
          sector: '',
          code: '',
        });
    return ms;
  };
  return events.map((e) => {
    const sent = doc.layers.sentences?.[e.sentence];
    const speaker = e.reportedBy ? mentions.get(e.reportedBy) : undefined;
    const cluster = clusters.get(`${doc.id}:${e.id}`)!;
    return buildRecord({
      doc: fields,
      docTone: doc.layers.tone?.tone ?? null,
      eventId: e.id,
      sentence: sent
        ? { text: doc.text.slice(sent.start, sent.end), start: sent.start, end: sent.end }
        : { text: '', start: 0, end: 0 },
      trigger: { text: doc.text.slice(e.trigger.start, e.trigger.end), start: e.trigger.start, end: e.trigger.end },
      type: e.type,
      mode: e.mode,
      contexts: e.contexts,
      cameo: e.cameo,
      quad: e.quad,
      goldstein: e.goldstein,
      actor: args(e.actor, e.actorSpans),
      recipient: args(e.recipient, e.recipientSpans),
      date: e.date,
      place: (e.place as PlaceIn | undefined) ?? null,
      negated: e.negated,
      modality: e.modality,
      historical: e.historical,
      decidedBy: e.decidedBy,
      confidence: e.confidence,
      reportedBy: speaker ? mentionArg(doc, speaker) : null,
      cluster: {
        id: cluster,
        mentions: size.get(cluster)!,
        articles: 1,
        sources: 1,
        firstSeen: fields.published,
        lastSeen: fields.published,
      },
    });
  });
}
