/**
 * Which addresses we may connect to: public unicast only, unless private addresses are allowed. Checked for IP
 * literals ourselves (a DNS hook never sees them) and for names after resolution, at every hop.
 */
import ipaddr from 'ipaddr.js';
import { lookup as dnsLookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';

/** One resolved address. */
export interface Resolved {
  address: string;
  family: number;
}

/** A DNS resolver, passed in so tests and callers can supply their own. */
export type Resolver = (hostname: string) => Promise<Resolved[]>;

/** The system resolver (getaddrinfo), every address. */
export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addrs) => (err ? reject(err) : resolve(addrs))),
  );

/** The range name of an address (`unicast` is public; `loopback`, `private`, `linkLocal`, … are not). */
export function addressRange(ip: string): string {
  try {
    return ipaddr.process(ip).range();
  } catch {
    return 'invalid';
  }
}

/** Why `ip` may not be contacted, or null when it is a public address. */
export function refusalOf(ip: string): string | null {
  const range = addressRange(ip);
  return range === 'unicast' ? null : `${ip} is a ${range} address`;
}

/** The host of a URL as an IP literal (brackets stripped), or null when it is a name. */
export function ipLiteral(hostname: string): string | null {
  const h = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(h) && (ipaddr.IPv6.isValid(h) || ipaddr.IPv4.isValidFourPartDecimal(h)) ? h : null;
}

/** The addresses a URL's host stands for: the literal itself, or every address DNS gives. */
export async function addressesOf(hostname: string, resolve: Resolver): Promise<Resolved[]> {
  const lit = ipLiteral(hostname);
  if (lit) return [{ address: lit, family: lit.includes(':') ? 6 : 4 }];
  return resolve(hostname);
}

/** The first refusal among `addrs`, or null when every one is public (one private address refuses the host). */
export function firstRefusal(addrs: Resolved[]): string | null {
  for (const a of addrs) {
    const r = refusalOf(a.address);
    if (r) return r;
  }
  return addrs.length ? null : 'no address';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for socket connects that refuses non-public addresses at connect time too, so a name that resolved
 * to a public address a moment ago cannot be re-pointed at a private one (DNS rebinding) between check and connect.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, cb: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (err, addrs) => {
      if (err) return cb(err, '');
      const refused = allowPrivate ? null : firstRefusal(addrs);
      if (refused) {
        const e = new Error(`refused: ${refused}`) as NodeJS.ErrnoException;
        e.code = 'EREFUSEDADDRESS';
        return cb(e, '');
      }
      if (options.all) return cb(null, addrs);
      return cb(null, addrs[0].address, addrs[0].family);
    });
  };
}
