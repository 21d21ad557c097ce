/**
 * Is an IP address on the public internet? Used by the link monitor on every resolved address before it connects,
 * and by the URL policy on hosts spelled as an IP in content. The ranges are ipaddr.js's special ranges.
 */
import ipaddr from 'ipaddr.js';

/** 'public', or the name of the special range the address is in ('loopback', 'private', 'linkLocal', …). */
export type AddressRange = 'public' | string;

const DOTTED_QUAD = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** The address without IPv6 brackets or zone, or null when it is not an IP address. */
function parse(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[(.*)\]$/, '$1');
  // Only the two normal forms: the URL parser has already turned '2130706433' or '0x7f.1' into dotted decimal, and
  // ipaddr.js's reading of every other spelling (through exceptions) is slow for the host names it is mostly asked about.
  if (!DOTTED_QUAD.test(bare) && !bare.includes(':')) return null;
  if (!ipaddr.isValid(bare)) return null;
  // process(): '::ffff:127.0.0.1' (and '::ffff:7f00:1') is the IPv4 address it maps.
  return ipaddr.process(bare);
}

/** The range an IP address is in: 'public' for ordinary unicast, else the special range's name; null for a non-IP. */
export function addressRange(address: string): AddressRange | null {
  const ip = parse(address);
  if (!ip) return null;
  const range = ip.range();
  return range === 'unicast' ? 'public' : range;
}

/** True when `address` is an IP address outside the public internet (loopback, private, link-local, CGNAT, …). */
export function isNonPublicAddress(address: string): boolean {
  const range = addressRange(address);
  return range !== null && range !== 'public';
}
