import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockedAddressReason, isPublicAddress } from './address-policy.js';

describe('blockedAddressReason', () => {
  const blocked: Array<[string, RegExp]> = [
    ['127.0.0.1', /loopback/],
    ['127.255.255.254', /loopback/],
    ['10.0.0.1', /RFC 1918/],
    ['172.16.0.1', /RFC 1918/],
    ['172.31.255.255', /RFC 1918/],
    ['192.168.0.1', /RFC 1918/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /CGNAT/],
    ['100.127.255.255', /CGNAT/],
    ['0.0.0.0', /unspecified/],
    ['0.1.2.3', /unspecified/],
    ['255.255.255.255', /broadcast/],
    ['224.0.0.251', /multicast/],
    ['239.255.255.250', /multicast/],
    ['240.0.0.1', /reserved/],
    ['192.0.2.1', /documentation/],
    ['198.18.0.1', /benchmarking/],
    ['::', /unspecified/],
    ['::1', /loopback/],
    ['0:0:0:0:0:0:0:1', /loopback/],
    ['::ffff:127.0.0.1', /IPv4-mapped loopback/],
    ['::FFFF:7F00:1', /IPv4-mapped loopback/],
    ['::ffff:10.1.2.3', /IPv4-mapped private/],
    ['::ffff:169.254.169.254', /IPv4-mapped link-local/],
    ['::ffff:0.0.0.0', /IPv4-mapped this network/],
    ['64:ff9b::127.0.0.1', /NAT64 loopback/],
    ['::127.0.0.1', /IPv4-compatible/],
    ['fc00::1', /unique-local/],
    ['fdff:ffff::1', /unique-local/],
    ['fe80::1', /link-local/],
    ['fe80::1%eth0', /zone/],
    ['febf::1', /link-local/],
    ['fec0::1', /site-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', /Teredo/],
    ['2002:c0a8:101::1', /6to4/],
    ['100::1', /not global unicast/],
    ['localhost', /not an IP address/],
    ['', /not an IP address/],
    ['1.2.3', /not an IP address/],
  ];
  for (const [address, reason] of blocked) {
    it(`refuses ${address || '(empty)'}`, () => {
      assert.match(blockedAddressReason(address) ?? 'public', reason);
      assert.equal(isPublicAddress(address), false);
    });
  }

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '169.253.0.1',
    '223.255.255.255',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '2400:cb00::1',
  ];
  for (const address of allowed) {
    it(`accepts public ${address}`, () => {
      assert.equal(blockedAddressReason(address), null);
      assert.equal(isPublicAddress(address), true);
    });
  }
});
