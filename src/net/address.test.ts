import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressClass, inNetworks, isPublicAddress, parseNetworks } from './address.ts';

test('public unicast addresses are allowed', () => {
  for (const ip of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111']) assert.equal(isPublicAddress(ip), true, ip);
});

test('every non-public class is refused, including mapped and metadata forms', () => {
  const cases: Record<string, string> = {
    '127.0.0.1': 'loopback',
    '10.1.2.3': 'private',
    '172.16.0.1': 'private',
    '192.168.1.1': 'private',
    '169.254.169.254': 'linkLocal',
    '100.100.100.200': 'carrierGradeNat',
    '0.0.0.0': 'unspecified',
    '224.0.0.1': 'multicast',
    '255.255.255.255': 'broadcast',
    '::1': 'loopback',
    '::': 'unspecified',
    'fe80::1': 'linkLocal',
    'fd00:ec2::254': 'uniqueLocal',
    'ff02::1': 'multicast',
    '::ffff:127.0.0.1': 'loopback',
    '::ffff:10.0.0.1': 'private',
    '::ffff:169.254.169.254': 'linkLocal',
  };
  for (const [ip, cls] of Object.entries(cases)) {
    assert.equal(addressClass(ip), cls, ip);
    assert.equal(isPublicAddress(ip), false, ip);
  }
  assert.equal(isPublicAddress('not-an-ip'), false);
});

test('IPv4-compatible, NAT64, 6to4, Teredo and unassigned IPv6 are refused; NAT64 of a public address is public', () => {
  for (const ip of ['::7f00:1', '::a9fe:a9fe', '64:ff9b::7f00:1', '64:ff9b::a00:1', '64:ff9b::a9fe:a9fe', '64:ff9b:1::a00:1', '2002:7f00:1::', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:db8::1', '100::1', '4000::1', 'fec0::1', '[::1]']) {
    assert.equal(isPublicAddress(ip), false, ip);
  }
  assert.equal(addressClass('64:ff9b::7f00:1'), 'nat64 loopback');
  assert.equal(addressClass('64:ff9b::808:808'), 'unicast');
});

test('allowed networks: CIDR lists and single addresses, IPv4-mapped compared as IPv4, bad entries named', () => {
  const nets = parseNetworks('10.0.0.0/8, 192.168.1.5 fd00::/8');
  assert.equal(inNetworks('10.2.3.4', nets), true);
  assert.equal(inNetworks('::ffff:10.2.3.4', nets), true);
  assert.equal(inNetworks('192.168.1.5', nets), true);
  assert.equal(inNetworks('192.168.1.6', nets), false);
  assert.equal(inNetworks('fd00:ec2::254', nets), true);
  assert.equal(inNetworks('127.0.0.1', nets), false);
  assert.throws(() => parseNetworks('10.0.0.0/8,intranet'), /"intranet"/);
});
