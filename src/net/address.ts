import ipaddr from 'ipaddr.js';

// Only ordinary public unicast addresses may be fetched by default. Everything else —
// loopback, private, link-local (incl. cloud metadata 169.254.169.254), CGNAT, multicast,
// unique-local IPv6 (incl. fd00:ec2::254), IPv4-mapped/compatible/translated forms, 6to4,
// Teredo, documentation and reserved ranges — is refused. NAT64 (64:ff9b::/96) is judged by the
// IPv4 address it embeds, so IPv6-only networks behind DNS64 still reach public sites.

const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');

function embeddedV4(v6: ipaddr.IPv6): ipaddr.IPv4 {
  const p = v6.parts;
  return new ipaddr.IPv4([p[6]! >> 8, p[6]! & 0xff, p[7]! >> 8, p[7]! & 0xff]);
}

export function addressClass(ip: string): string {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip.replace(/^\[|\]$/g, ''));
  } catch {
    return 'invalid';
  }
  if (addr.kind() === 'ipv4') return addr.range();
  const v6 = addr as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().range();
  const range = v6.range();
  if (v6.match(NAT64_WELL_KNOWN)) {
    const inner = embeddedV4(v6).range();
    return inner === 'unicast' ? 'unicast' : `nat64 ${inner}`;
  }
  if (range !== 'unicast') return range;
  // ipaddr.js calls anything it has no name for "unicast"; only 2000::/3 is assigned global unicast.
  if (v6.match(IPV4_COMPATIBLE)) return 'ipv4Compatible';
  if (!v6.match(GLOBAL_UNICAST_V6)) return 'reserved';
  return 'unicast';
}

export function isPublicAddress(ip: string): boolean {
  return addressClass(ip) === 'unicast';
}

/** A list of networks (CIDR or single addresses) that may be fetched although not public. */
export type NetworkList = Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;

/** Parses "10.0.0.0/8, 192.168.1.5, fd00::/8"; throws naming the first entry that is not a network. */
export function parseNetworks(spec: string | string[]): NetworkList {
  const parts = (Array.isArray(spec) ? spec : spec.split(/[\s,]+/)).map((s) => s.trim()).filter(Boolean);
  return parts.map((p) => {
    try {
      if (p.includes('/')) return ipaddr.parseCIDR(p);
      const a = ipaddr.parse(p);
      return [a, a.kind() === 'ipv4' ? 32 : 128] as [ipaddr.IPv4 | ipaddr.IPv6, number];
    } catch {
      throw new Error(`not an IP network: ${JSON.stringify(p)} (expected e.g. 10.0.0.0/8 or fd00::/8)`);
    }
  });
}

/** Whether `ip` lies in one of `nets` (IPv4-mapped IPv6 compared as IPv4). */
export function inNetworks(ip: string, nets: NetworkList): boolean {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) addr = (addr as ipaddr.IPv6).toIPv4Address();
  return nets.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}
