/**
 * Putting resolved places on events and actor mentions. An event's place is, in order: the place its own phrase
 * names ("talks in Moscow"), else the most specific place of its sentence, else the dateline's place, else none —
 * never a guess. A mention carries the place inside it ("Syrian President Bashar al-Assad", "the Moscow talks").
 */
import type { Doc, EventPlace, EventRecord, Place, PlaceFeature } from '../doc/index.js';

const SPECIFIC: Record<PlaceFeature, number> = { city: 0, admin2: 1, admin1: 2, country: 3, other: 4 };

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  Math.min(a.end, b.end) > Math.max(a.start, b.start);

/** The event-record form of a place. */
export function eventPlace(p: Place): EventPlace {
  return {
    text: p.text,
    start: p.start,
    end: p.end,
    name: p.name,
    country: p.country,
    admin1: p.admin1,
    lat: p.lat,
    lon: p.lon,
    feature: p.feature,
    ...(p.geonameid ? { geonameid: p.geonameid } : {}),
  };
}

/** Where an event happened, by the order above; `undefined` when the text does not say. */
export function placeOfEvent(doc: Doc, ev: EventRecord, places: Place[]): EventPlace | undefined {
  const located = places.filter((p) => p.kind !== 'demonym');
  if (ev.place) {
    const own = located.find((p) => overlaps(p, ev.place!));
    if (own) return eventPlace(own);
  }
  const sent = doc.layers.sentences?.[ev.sentence];
  if (sent) {
    const actorSpans = (doc.layers.mentions ?? []).filter((m) => ev.actor.includes(m.id));
    const inSentence = located.filter(
      (p) => p.start >= sent.start && p.end <= sent.end && !actorSpans.some((m) => overlaps(m, p)),
    );
    const dist = (p: Place): number => Math.abs(p.start - ev.trigger.start);
    inSentence.sort((a, b) => SPECIFIC[a.feature] - SPECIFIC[b.feature] || dist(a) - dist(b));
    if (inSentence.length) return eventPlace(inSentence[0]);
  }
  const line = located.find((p) => p.dateline);
  if (line) return eventPlace(line);
  // The phrase the coder found but the gazetteer does not know: kept as text, unresolved.
  return ev.place ? { text: ev.place.text, start: ev.place.start, end: ev.place.end } : undefined;
}

/** Set `place` on every event and on every mention that contains a place. */
export function attachPlaces(doc: Doc, places: Place[]): void {
  for (const ev of doc.layers.events ?? []) {
    const p = placeOfEvent(doc, ev, places);
    if (p) ev.place = p;
    else delete ev.place;
  }
  for (const m of doc.layers.mentions ?? []) {
    const inside = places.filter((p) => p.start >= m.start && p.end <= m.end);
    inside.sort((a, b) => SPECIFIC[a.feature] - SPECIFIC[b.feature]);
    if (inside.length) m.place = eventPlace(inside[0]);
  }
}
