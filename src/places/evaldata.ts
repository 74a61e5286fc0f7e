/**
 * Script helper (train, eval, bench only): the geoparsing sets in ../shared/data/geo — GeoWebNews (GWN.xml) and
 * GeoVirus — as articles with gold toponyms (offsets into the article text and a point), split train/dev/test by
 * a hash of the article id. GPL-3 data: read at training and evaluation time only, never copied into the repo.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createDoc, sharedRoot, type Doc } from '../doc/index.js';
import { nlpStage } from '../nlp/index.js';
import { actorsStage } from '../actors/index.js';

export interface GoldToponym {
  start: number;
  end: number;
  lat: number;
  lon: number;
  /** GeoWebNews type (Literal, Metonymic, ...); 'Location' for GeoVirus. */
  type: string;
}

export interface Article {
  /** Set-qualified id: `gwn:12`, `geovirus:40`. */
  id: string;
  set: 'gwn' | 'geovirus';
  url: string | null;
  text: string;
  gold: GoldToponym[];
}

export type Split = 'train' | 'dev' | 'test';

/** 60/20/20 by the first byte of sha256(id): stable whatever else changes. */
export function splitOf(id: string): Split {
  const b = createHash('sha256').update(id).digest()[0];
  return b < 154 ? 'train' : b < 205 ? 'dev' : 'test';
}

const unxml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const tag = (body: string, name: string): string | null => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(body);
  return m ? m[1] : null;
};

function gwn(path: string): Article[] {
  const xml = readFileSync(path, 'utf8');
  const out: Article[] = [];
  for (const m of xml.matchAll(/<article file="(\d+)">([\s\S]*?)<\/article>/g)) {
    const body = m[2];
    const text = unxml(tag(body, 'text') ?? '');
    const gold: GoldToponym[] = [];
    for (const t of body.matchAll(/<toponym>([\s\S]*?)<\/toponym>/g)) {
      const lat = tag(t[1], 'latitude'),
        lon = tag(t[1], 'longitude');
      if (!lat || !lon) continue;
      gold.push({
        start: Number(tag(t[1], 'start')),
        end: Number(tag(t[1], 'end')),
        lat: Number(lat),
        lon: Number(lon),
        type: tag(t[1], 'type') ?? '',
      });
    }
    out.push({ id: `gwn:${m[1]}`, set: 'gwn', url: unxml(tag(body, 'link') ?? '') || null, text, gold });
  }
  return out;
}

function geovirus(path: string): Article[] {
  const xml = readFileSync(path, 'utf8');
  const out: Article[] = [];
  let i = 0;
  for (const m of xml.matchAll(/<article>([\s\S]*?)<\/article>/g)) {
    const body = m[1];
    const text = unxml(tag(body, 'text') ?? '');
    const gold: GoldToponym[] = [];
    for (const t of body.matchAll(/<location>([\s\S]*?)<\/location>/g)) {
      gold.push({
        start: Number(tag(t[1], 'start')),
        end: Number(tag(t[1], 'end')),
        lat: Number(tag(t[1], 'lat')),
        lon: Number(tag(t[1], 'lon')),
        type: 'Location',
      });
    }
    out.push({ id: `geovirus:${i++}`, set: 'geovirus', url: unxml(tag(body, 'source') ?? '') || null, text, gold });
  }
  return out;
}

/** Both sets, or null when ../shared is absent. */
export function loadArticles(): Article[] | null {
  const root = sharedRoot();
  if (!root) return null;
  const a = join(root, 'data', 'geo', 'geowebnews', 'GWN.xml');
  const b = join(root, 'data', 'geo', 'GeoVirus.xml');
  if (!existsSync(a) || !existsSync(b)) return null;
  return [...gwn(a), ...geovirus(b)];
}

/** A Doc over an article (paragraph blocks at blank lines), with the nlp and actors layers. */
export function makeArticleDoc(): (a: Article) => Doc {
  const stages = [nlpStage(), actorsStage()];
  return (a) => {
    const doc = createDoc(a.text, { source: { source: a.id, url: a.url } });
    const blocks = [];
    for (const m of a.text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
      if (m[0].trim()) blocks.push({ start: m.index!, end: m.index! + m[0].length, kind: 'paragraph' as const });
    }
    doc.layers.blocks = blocks;
    for (const s of stages) s.run(doc);
    return doc;
  };
}
