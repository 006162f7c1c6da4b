import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addressClass, isPublicAddress } from './address.ts';

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
