import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read from paper and type back.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The lookup secret printed on the receipt (form 01): with the dossier code it opens the
 * public status page without an account. Derived, not stored: HMAC of the dossier id under
 * a key derived from the server secret, so a receipt can be reprinted and a leaked
 * database alone does not reveal the secrets.
 */
export function createLookupSecrets(serverSecret: string) {
  const key = Buffer.from(
    hkdfSync('sha256', serverSecret, 'openprovince', 'dossier-lookup-secret', 32),
  );
  const secretOf = (dossierId: string): string => {
    const mac = createHmac('sha256', key).update(dossierId).digest();
    let out = '';
    for (let i = 0; i < 8; i++) out += ALPHABET[mac[i]! % 32];
    return out;
  };
  return {
    secretOf,
    matches(dossierId: string, given: string): boolean {
      const normal = given
        .trim()
        .toUpperCase()
        .replace(/[\s-]/g, '')
        .replace(/O/g, '0')
        .replace(/[IL]/g, '1');
      const expected = Buffer.from(secretOf(dossierId));
      const actual = Buffer.from(normal);
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}
export type LookupSecrets = ReturnType<typeof createLookupSecrets>;
