/**
 * A throw-away certificate authority for tests: root, issuing CA and two end-entity
 * certificates (a person and an agency), ECDSA P-256 by default or RSA-2048.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { CmsSigner } from './types.js';

x509.cryptoProvider.set(globalThis.crypto);

export type TestCa = {
  rootPem: string;
  root: Uint8Array;
  issuing: Uint8Array;
  person: CmsSigner;
  agency: CmsSigner;
};

const ALGORITHMS = {
  ecdsa: { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
  rsa: {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  },
} as const;

const serial = () =>
  randomBytes(12)
    .toString('hex')
    .replace(/^[89a-f]/, '1');
const years = (n: number) => new Date(Date.now() + n * 365 * 864e5);

export async function createTestCa(kind: keyof typeof ALGORITHMS = 'ecdsa'): Promise<TestCa> {
  const alg = ALGORITHMS[kind];
  const generate = () =>
    globalThis.crypto.subtle.generateKey(alg, false, ['sign', 'verify']) as Promise<CryptoKeyPair>;
  const notBefore = new Date(Date.now() - 3600_000);
  const caUsage = new x509.KeyUsagesExtension(
    x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
    true,
  );

  const rootKeys = await generate();
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=Test Province Root CA, O=OpenProvince Test, C=VN',
    notBefore,
    notAfter: years(20),
    keys: rootKeys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      caUsage,
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const caKeys = await generate();
  const issuing = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=Test Province Issuing CA, O=OpenProvince Test, C=VN',
    issuer: root.subject,
    notBefore,
    notAfter: years(10),
    publicKey: caKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      caUsage,
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root),
    ],
  });
  const leaf = async (subject: string): Promise<CmsSigner> => {
    const keys = await generate();
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject,
      issuer: issuing.subject,
      notBefore,
      notAfter: years(2),
      publicKey: keys.publicKey,
      signingKey: caKeys.privateKey,
      signingAlgorithm: alg,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(issuing),
      ],
    });
    return {
      privateKey: keys.privateKey,
      certificate: new Uint8Array(cert.rawData),
      chain: [new Uint8Array(issuing.rawData), new Uint8Array(root.rawData)],
    };
  };
  return {
    rootPem: `${root.toString('pem')}\n`,
    root: new Uint8Array(root.rawData),
    issuing: new Uint8Array(issuing.rawData),
    person: await leaf('CN=Nguyễn Văn Ánh, O=Sở Thông tin và Truyền thông, C=VN'),
    agency: await leaf('CN=Sở Thông tin và Truyền thông, O=UBND tỉnh Trà Vinh, C=VN'),
  };
}
