import { createPrivateKey, randomBytes } from 'node:crypto';

const subtle = globalThis.crypto.subtle;

/** ECDSA P-256 with SHA-256 everywhere: NSS (pdfsig) and OpenSSL both accept it; Ed25519 not. */
export const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export const generateKeyPair = (): Promise<CryptoKeyPair> =>
  subtle.generateKey(ALGORITHM, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

/** A positive 128-bit serial number in hex (RFC 5280: at most 20 octets, positive). */
export function newSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return bytes.toString('hex');
}

/** The private key as encrypted PKCS#8 PEM (AES-256-CBC, PBKDF2 from the passphrase). */
export async function sealKey(key: CryptoKey, passphrase: string): Promise<string> {
  const der = Buffer.from(await subtle.exportKey('pkcs8', key));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
    .toString();
}

/** Decrypts a sealed key into a non-extractable signing key; throws on a wrong passphrase. */
export async function openKey(sealed: string, passphrase: string): Promise<CryptoKey> {
  const der = createPrivateKey({ key: sealed, format: 'pem', passphrase }).export({
    type: 'pkcs8',
    format: 'der',
  });
  return subtle.importKey('pkcs8', der, ALGORITHM, false, ['sign']);
}

export const derOfPem = (pem: string): Uint8Array =>
  new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));

export const toPem = (der: Uint8Array, label = 'CERTIFICATE'): string => {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
};

/** A copy on its own ArrayBuffer (what WebCrypto and the ASN.1 parsers accept). */
export const bytes = (b: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(b);
