import ipaddr from 'ipaddr.js';

// Only ordinary public unicast addresses may be fetched by default. Everything else —
// loopback, private, link-local (incl. cloud metadata 169.254.169.254), CGNAT, multicast,
// unique-local IPv6 (incl. fd00:ec2::254), IPv4-mapped/translated forms — is refused.
export function addressClass(ip: string): string {
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return 'invalid';
  }
  if (addr.kind() === 'ipv6') {
    const v6 = addr as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) addr = v6.toIPv4Address();
  }
  return addr.range();
}

export function isPublicAddress(ip: string): boolean {
  return addressClass(ip) === 'unicast';
}
