import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { canonicalJson } from '../../core/catalog/canonical-json';
import { SignedManifest, type ManifestBody } from '../../core/catalog/feed-manifest';
import { KioskError } from '../../shared/result';

/** A new Ed25519 key pair as PEM (PKCS#8 private, SPKI public). */
export function generateFeedKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function ed25519Key(pem: string, kind: 'public' | 'private'): KeyObject {
  let key: KeyObject;
  try {
    key = kind === 'public' ? createPublicKey(pem) : createPrivateKey(pem);
  } catch (error) {
    throw new KioskError(
      'CONFIG_INVALID',
      `The ${kind} key is not a readable PEM key: ${(error as Error).message}`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KioskError(
      'CONFIG_INVALID',
      `The ${kind} key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`,
    );
  }
  return key;
}

/** First 16 hex digits of the SHA-256 of the public key's SPKI DER: short, stable, printable. */
export function feedKeyId(publicKeyPem: string): string {
  const der = ed25519Key(publicKeyPem, 'public').export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(ed25519Key(privateKeyPem, 'private'))
    .export({ type: 'spki', format: 'pem' })
    .toString();
}

/** Signs the canonical JSON of the manifest body. */
export function signManifest(body: ManifestBody, privateKeyPem: string): SignedManifest {
  const key = ed25519Key(privateKeyPem, 'private');
  const signature = sign(null, Buffer.from(canonicalJson(body)), key).toString('base64');
  return { signed: body, signature, keyId: feedKeyId(publicKeyOf(privateKeyPem)) };
}

/**
 * Checks a downloaded manifest against the pinned public key before anything in it is believed:
 * first that it is JSON with a signature, then the Ed25519 signature over the canonical body, and
 * only then the body's shape. The returned key id is the pinned key's, not the manifest's claim.
 */
export function verifyManifest(bytes: Buffer | string, publicKeyPem: string): SignedManifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString());
  } catch {
    throw new KioskError('FEED_MALFORMED', 'The feed manifest is not valid JSON.');
  }
  const envelope = json as { signed?: unknown; signature?: unknown } | null;
  if (
    !envelope ||
    typeof envelope.signed !== 'object' ||
    envelope.signed === null ||
    typeof envelope.signature !== 'string'
  ) {
    throw new KioskError('FEED_MALFORMED', 'The feed manifest has no signed body or no signature.');
  }
  const key = ed25519Key(publicKeyPem, 'public');
  let valid = false;
  try {
    valid = verify(
      null,
      Buffer.from(canonicalJson(envelope.signed)),
      key,
      Buffer.from(envelope.signature, 'base64'),
    );
  } catch {
    valid = false;
  }
  if (!valid) {
    throw new KioskError(
      'FEED_SIGNATURE_INVALID',
      "The feed manifest is not signed by this kiosk's catalog key; nothing was changed.",
    );
  }
  const parsed = SignedManifest.safeParse({ ...envelope, keyId: feedKeyId(publicKeyPem) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KioskError(
      'FEED_MALFORMED',
      `The feed manifest is signed but malformed: ${issue?.path.join('.')} ${issue?.message}`,
    );
  }
  return parsed.data;
}
