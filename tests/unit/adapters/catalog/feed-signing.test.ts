import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  feedKeyId,
  generateFeedKeyPair,
  publicKeyOf,
  signManifest,
  verifyManifest,
} from '../../../../electron/adapters/catalog/feed-signing';
import type { ManifestBody } from '../../../../electron/core/catalog/feed-manifest';
import type { KioskError } from '../../../../electron/shared/result';

const sha = 'b'.repeat(64);
const body: ManifestBody = {
  format: 1,
  version: '2.0123abcd',
  sequence: 2,
  createdAt: '2025-03-01T10:00:00.000Z',
  source: 'products.csv',
  schemaVersion: 1,
  rowCount: 3,
  snapshot: { path: `snapshots/${sha}.sqlite.gz`, sha256: sha, bytes: 10 },
  deltas: [],
  rejected: [{ sku: null, reason: 'products.csv line 4: bad' }],
};

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as KioskError).code;
  }
  return undefined;
};

describe('manifest signing', () => {
  const keys = generateFeedKeyPair();

  it('verifies what it signed, whatever the key order and whitespace of the JSON', () => {
    const signed = signManifest(body, keys.privateKeyPem);
    const reordered = JSON.stringify(
      {
        keyId: signed.keyId,
        signature: signed.signature,
        signed: Object.fromEntries(Object.entries(signed.signed).reverse()),
      },
      null,
      4,
    );
    const verified = verifyManifest(Buffer.from(reordered), keys.publicKeyPem);
    expect(verified.signed).toEqual(body);
    expect(verified.keyId).toBe(feedKeyId(keys.publicKeyPem));
    expect(publicKeyOf(keys.privateKeyPem)).toBe(keys.publicKeyPem);
  });

  it('refuses a changed body, another key, or a missing signature', () => {
    const signed = signManifest(body, keys.privateKeyPem);
    const tampered = JSON.stringify({ ...signed, signed: { ...signed.signed, rowCount: 4 } });
    expect(codeOf(() => verifyManifest(tampered, keys.publicKeyPem))).toBe('FEED_SIGNATURE_INVALID');
    expect(codeOf(() => verifyManifest(JSON.stringify(signed), generateFeedKeyPair().publicKeyPem))).toBe(
      'FEED_SIGNATURE_INVALID',
    );
    expect(codeOf(() => verifyManifest(JSON.stringify({ signed: body }), keys.publicKeyPem))).toBe(
      'FEED_MALFORMED',
    );
    expect(codeOf(() => verifyManifest('not json', keys.publicKeyPem))).toBe('FEED_MALFORMED');
    expect(
      codeOf(() => verifyManifest(JSON.stringify({ ...signed, signature: '!!' }), keys.publicKeyPem)),
    ).toBe('FEED_SIGNATURE_INVALID');
  });

  it('refuses a signed body of the wrong shape, and keys that are not Ed25519', () => {
    const bad = signManifest(
      { ...body, snapshot: { ...body.snapshot, path: '../../etc/passwd' } },
      keys.privateKeyPem,
    );
    expect(codeOf(() => verifyManifest(JSON.stringify(bad), keys.publicKeyPem))).toBe('FEED_MALFORMED');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect(codeOf(() => verifyManifest(JSON.stringify(signManifest(body, keys.privateKeyPem)), rsa))).toBe(
      'CONFIG_INVALID',
    );
    expect(codeOf(() => feedKeyId('garbage'))).toBe('CONFIG_INVALID');
  });
});
