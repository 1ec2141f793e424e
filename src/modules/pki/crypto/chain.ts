import * as pkijs from 'pkijs';

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto });

const parse = (der: Uint8Array) => pkijs.Certificate.fromBER(new Uint8Array(der));
const derOf = (c: pkijs.Certificate) => Buffer.from(c.toSchema().toBER(false));

/**
 * True when `signer` chains to `root` through the given intermediates, every certificate's
 * signature verifying, at `at` (validity periods are judged by the caller; pass a time inside
 * the signer's validity to check only the signatures and the path). The path must end at
 * our root and start at the signer (belt and braces: pkijs checks the last of `certs` only).
 */
export async function chainsTo(
  signer: Uint8Array,
  intermediates: Uint8Array[],
  root: Uint8Array,
  at: Date,
): Promise<boolean> {
  try {
    const seen = new Set([Buffer.from(signer).toString('hex'), Buffer.from(root).toString('hex')]);
    const others = intermediates.filter((c) => {
      const hex = Buffer.from(c).toString('hex');
      if (seen.has(hex)) return false;
      seen.add(hex);
      return true;
    });
    const anchor = parse(root);
    const validator = new pkijs.CertificateChainValidationEngine({
      trustedCerts: [anchor],
      // pkijs validates the LAST certificate of `certs`.
      certs: [...others.map(parse), parse(signer)],
      checkDate: at,
    });
    const result = await validator.verify({}, engine);
    const path = result.certificatePath ?? [];
    const last = path.at(-1);
    return (
      result.result === true &&
      path.length >= 2 &&
      last !== undefined &&
      derOf(path[0]!).equals(Buffer.from(signer)) &&
      derOf(last).equals(Buffer.from(root))
    );
  } catch {
    return false;
  }
}
