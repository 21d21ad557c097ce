/**
 * The monitor's only way onto the network: an undici Agent whose connector resolves the host itself, refuses when any
 * address is not public (src/lib/ip-address.ts), and only then opens a socket, to exactly the addresses it checked
 * (so a second, different DNS answer cannot slip in between the check and the connection).
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { addressRange } from '../../src/lib/ip-address.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Resolves a host name to its addresses; the tests inject one that never asks DNS. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, order: 'ipv4first' });

export const BLOCKED_CODE = 'ERR_LINK_MONITOR_BLOCKED';

/** Thrown instead of connecting: `address` is the first non-public address the host resolved to. */
class BlockedAddressError extends Error {
  readonly code = BLOCKED_CODE;
  readonly address: string;
  constructor(address: string, range: string) {
    super(`refused to connect to ${address}: not a public address (${range})`);
    this.address = address;
  }
}

export interface GuardOptions {
  resolver: Resolver;
  /** Test-only: lets the monitor reach its fake servers on 127.0.0.0/8 and ::1. Nothing else non-public. */
  allowLoopback: boolean;
  connectTimeoutMs: number;
}

/** The addresses `hostname` stands for, each checked; throws BlockedAddressError on the first that is not public. */
async function publicAddresses(
  hostname: string,
  options: Pick<GuardOptions, 'resolver' | 'allowLoopback'>,
): Promise<ResolvedAddress[]> {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  const family = isIP(bare);
  const addresses = family ? [{ address: bare, family }] : await options.resolver(bare);
  if (addresses.length === 0) throw Object.assign(new Error(`no address for ${bare}`), { code: 'ENOTFOUND' });
  for (const { address } of addresses) {
    const range = addressRange(address) ?? 'not an IP address';
    if (range === 'public' || (range === 'loopback' && options.allowLoopback)) continue;
    throw new BlockedAddressError(address, range);
  }
  return addresses;
}

/** An Agent for undici's fetch that connects only to public addresses. */
export function guardedAgent(options: GuardOptions): Agent {
  const connect: buildConnector.connector = (target, callback) => {
    publicAddresses(target.hostname, options).then(
      (addresses) => {
        // net.connect asks this lookup instead of DNS: it can only return what was just checked.
        const pinned = buildConnector({
          timeout: options.connectTimeoutMs,
          lookup: (_host: string, lookupOptions: { all?: boolean }, cb: (...args: unknown[]) => void) => {
            if (lookupOptions.all) cb(null, addresses);
            else cb(null, addresses[0]!.address, addresses[0]!.family);
          },
        } as buildConnector.BuildOptions);
        pinned(target, callback);
      },
      (error: Error) => callback(error, null),
    );
  };
  return new Agent({ connect });
}
