import type { RequestContext } from '../../../platform/context.js';
import {
  createIssuingCertificate,
  createRootCertificate,
  type Issuer,
  type X509,
  x509,
} from '../crypto/ca.js';
import { bytes, generateKeyPair, openKey, sealKey } from '../crypto/keys.js';
import { pkiErrors as E } from '../errors.js';
import * as authorities from '../store/authorities.js';
import type { AuthorityRow } from '../store/tables.js';
import { type Ex, inTransaction, type PkiDeps, type Trx } from './deps.js';

export type LoadedIssuer = Issuer & { row: AuthorityRow; root: X509.X509Certificate };

/**
 * The province's CA. Keys are opened for each use and never cached: a missing or wrong
 * passphrase fails every signing and issuing at once (fail closed).
 */
export function createAuthority(deps: PkiDeps) {
  const { clock, audit, agencies, config } = deps;

  function passphrase(): string {
    if (!config.pkiPassphrase) throw E.noPassphrase();
    return config.pkiPassphrase;
  }

  async function open(sealed: string): Promise<CryptoKey> {
    const secret = passphrase();
    try {
      return await openKey(sealed, secret);
    } catch {
      throw E.keyUnavailable();
    }
  }

  /** Root and issuing certificates (public facts; no key needed). */
  async function chain(ex: Ex) {
    const root = await authorities.findCurrentAuthority(ex, 'root');
    const issuing = await authorities.findCurrentAuthority(ex, 'issuing');
    return root && issuing ? { root, issuing } : null;
  }

  /** The issuing CA with its private key opened; pki.* errors when that cannot be. */
  async function loadIssuer(ex: Ex): Promise<LoadedIssuer> {
    passphrase();
    const found = await chain(ex);
    if (!found) throw E.noAuthority();
    return {
      row: found.issuing,
      certificate: new x509.X509Certificate(bytes(found.issuing.certificateDer)),
      privateKey: await open(found.issuing.encryptedKey),
      root: new x509.X509Certificate(bytes(found.root.certificateDer)),
    };
  }

  /**
   * Creates the root (20 years) and issuing CA (10 years) named after the province, once.
   * Idempotent: an existing authority is returned unchanged. `publishCrl` writes the first CRL.
   */
  async function initAuthority(
    ex: Ex,
    ctx: RequestContext,
    publishCrl: (trx: Trx) => Promise<unknown>,
  ): Promise<{ created: boolean; rootSerial: string; issuingSerial: string }> {
    const existing = await chain(ex);
    if (existing) {
      return {
        created: false,
        rootSerial: existing.root.serial,
        issuingSerial: existing.issuing.serial,
      };
    }
    const secret = passphrase();
    const province = (await agencies.getRoot(ex)).name;
    const now = clock.now();
    const rootKeys = await generateKeyPair();
    const rootCert = await createRootCertificate(rootKeys, province, now);
    const issuingKeys = await generateKeyPair();
    const issuingCert = await createIssuingCertificate(
      issuingKeys,
      { certificate: rootCert, privateKey: rootKeys.privateKey },
      province,
      now,
    );
    return inTransaction(ex, async (trx) => {
      const root = await authorities.insertAuthority(trx, {
        kind: 'root',
        parentId: null,
        subject: rootCert.subject,
        serial: rootCert.serialNumber,
        certificateDer: new Uint8Array(rootCert.rawData),
        certificatePem: rootCert.toString('pem'),
        encryptedKey: await sealKey(rootKeys.privateKey, secret),
        notBefore: rootCert.notBefore,
        notAfter: rootCert.notAfter,
        createdAt: now,
      });
      const issuing = await authorities.insertAuthority(trx, {
        kind: 'issuing',
        parentId: root.id,
        subject: issuingCert.subject,
        serial: issuingCert.serialNumber,
        certificateDer: new Uint8Array(issuingCert.rawData),
        certificatePem: issuingCert.toString('pem'),
        encryptedKey: await sealKey(issuingKeys.privateKey, secret),
        notBefore: issuingCert.notBefore,
        notAfter: issuingCert.notAfter,
        createdAt: now,
      });
      await publishCrl(trx);
      await audit.record(trx, ctx, {
        action: 'pki.authority.init',
        targetType: 'pki.authority',
        targetId: issuing.id,
        after: { root: root.subject, rootSerial: root.serial, issuing: issuing.subject },
      });
      return { created: true, rootSerial: root.serial, issuingSerial: issuing.serial };
    });
  }

  return { passphrase, open, chain, loadIssuer, initAuthority };
}
export type Authority = ReturnType<typeof createAuthority>;
