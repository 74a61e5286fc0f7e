/** Shapes of the actor data files under data/actors/ (see docs/actors.md). */

/** One ISO 3166 country or territory with the words news text uses for it. */
export interface CountryRecord {
  code: string;
  name: string;
  un: boolean;
  names: string[];
  /** Adjectives and singular people nouns: "French", "Briton". */
  demonyms: string[];
  /** Plural people nouns: "Israelis", "Britons". */
  plurals: string[];
  /** Capitals used as metonyms for the government when they act ("Moscow said"). */
  capitals: string[];
  /** Seats of power and named state bodies: "the Kremlin" → GOV, "Pentagon" → MIL. */
  seats: { text: string; sector: string }[];
}

/** An organisation: IGO, NGO, armed group, party, company. */
export interface OrgRecord {
  id: string;
  name: string;
  aliases: string[];
  /** ISO alpha-3 for national bodies, or IGO / IMG / NGO / MNC. */
  country: string;
  sector: string;
  /** CAMEO-style code, e.g. IGOUNO, IMGMOSISI, PSEREBHAM. */
  code: string;
  wikidata?: string;
  /** Descriptions that corefer with it: "the jihadist group". */
  descriptions?: string[];
  /** 'igo' | 'ngo' | 'armed' | 'party' | 'agency' | 'press' (a news organisation acting: "the Times filed a motion") | 'media' (wire and photo credits: no actor in running text) */
  type: string;
}

/** A word or phrase naming a sector or role: "rebels", "foreign minister". */
export interface SectorWord {
  text: string;
  sector: string;
  /** A title that can precede a name: "President", "Foreign Minister". */
  title?: boolean;
  /** Refers to one person (so he/she can corefer with it). */
  person?: boolean;
  /** Generic heads ("leaders", "officials") yield to a more specific sector word before them ("rebel leaders"). */
  generic?: boolean;
  /** Role key matched against people's roles: HOS, HOG, FM, DEF, ... */
  role?: string;
  /** Country code when the text names none: peacekeepers → IGO, rights groups → NGO. */
  defaultCountry?: string;
  /** An ethnic or religious community ("Kurds"): not a nationality. */
  ethnic?: boolean;
}

/** One role a person held, inside its dates. */
export interface PersonRole {
  /** ISO alpha-3, or IGO / IMG etc. */
  country: string;
  /** HOS head of state, HOG head of government, FM foreign minister, DEF defence minister, SG IGO head, LEAD group leader, OPP opposition leader. */
  role: string;
  sector: string;
  /** ISO date the role began; '' when unknown. */
  from: string;
  /** ISO date it ended; '' while still held. */
  to: string;
  /** Organisation id for IGO heads and group leaders. */
  org?: string;
}

/** A named person with their roles over time. */
export interface PersonRecord {
  name: string;
  aliases: string[];
  wikidata?: string;
  roles: PersonRole[];
}
