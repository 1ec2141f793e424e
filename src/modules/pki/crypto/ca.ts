import { ALGORITHM, newSerial } from './keys.js';
import { type X509, x509 } from './x509.js';

const YEAR_MS = 365.25 * 24 * 3600 * 1000;
const DOC_SIGNING_EKU = ['1.3.6.1.4.1.311.10.3.12', '1.3.6.1.5.5.7.3.4']; // document signing, e-mail

export type Issuer = { certificate: X509.X509Certificate; privateKey: CryptoKey };

/** Subject names as attribute lists: values are UTF-8 strings, nothing to escape. */
export type SubjectFields = { name: string; title?: string | null; org?: string | null };
export function subjectOf(f: SubjectFields): X509.JsonName {
  const name: X509.JsonName = [{ CN: [f.name] }];
  if (f.title) name.push({ T: [f.title] });
  if (f.org) name.push({ O: [f.org] });
  name.push({ C: ['VN'] });
  return name;
}

const caExtensions = async (keys: CryptoKeyPair, pathLength: number) => [
  new x509.BasicConstraintsExtension(true, pathLength, true),
  new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
];

export async function createRootCertificate(keys: CryptoKeyPair, province: string, now: Date) {
  return x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: newSerial(),
    name: subjectOf({ name: `${province} Root CA`, org: province }),
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 20 * YEAR_MS),
    keys,
    signingAlgorithm: ALGORITHM,
    extensions: await caExtensions(keys, 1),
  });
}

export async function createIssuingCertificate(
  keys: CryptoKeyPair,
  root: Issuer,
  province: string,
  now: Date,
) {
  return x509.X509CertificateGenerator.create({
    serialNumber: newSerial(),
    subject: subjectOf({ name: `${province} Issuing CA`, org: province }),
    issuer: root.certificate.subject,
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 10 * YEAR_MS),
    publicKey: keys.publicKey,
    signingKey: root.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      ...(await caExtensions(keys, 0)),
      await x509.AuthorityKeyIdentifierExtension.create(root.certificate),
    ],
  });
}

export type EndEntityInput = {
  publicKey: CryptoKey | X509.PublicKey;
  subject: SubjectFields;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  urls: { crl: string; issuingCertificate: string };
};

/** A signing certificate: digitalSignature + nonRepudiation, CRL distribution point, AIA. */
export async function createEndEntityCertificate(issuer: Issuer, input: EndEntityInput) {
  const { publicKey } = input;
  return x509.X509CertificateGenerator.create({
    serialNumber: input.serial,
    subject: subjectOf(input.subject),
    issuer: issuer.certificate.subject,
    notBefore: input.notBefore,
    notAfter: input.notAfter,
    publicKey,
    signingKey: issuer.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      new x509.ExtendedKeyUsageExtension(DOC_SIGNING_EKU),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
      new x509.CRLDistributionPointsExtension([input.urls.crl]),
      new x509.AuthorityInfoAccessExtension({ caIssuers: input.urls.issuingCertificate }),
    ],
  });
}

export type CrlEntry = { serial: string; at: Date; reason: X509.X509CrlReason };

/** A CRL of the issuing CA with its number (RFC 5280 §5.2.3) and authority key id. */
export async function createCrl(
  issuer: Issuer,
  input: { number: number; thisUpdate: Date; nextUpdate: Date; entries: CrlEntry[] },
) {
  return x509.X509CrlGenerator.create({
    issuer: issuer.certificate.subject,
    thisUpdate: input.thisUpdate,
    nextUpdate: input.nextUpdate,
    entries: input.entries.map((e) => ({
      serialNumber: e.serial,
      revocationDate: e.at,
      reason: e.reason,
    })),
    signingKey: issuer.privateKey,
    signingAlgorithm: ALGORITHM,
    extensions: [
      await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
      new x509.Extension('2.5.29.20', false, derInteger(input.number)),
    ],
  });
}

/** DER INTEGER of a non-negative number (the CRL number). */
function derInteger(n: number): Uint8Array<ArrayBuffer> {
  let hex = n.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const body = Buffer.from(hex, 'hex');
  return new Uint8Array([0x02, body.length, ...body]);
}

/** Parses and checks a PKCS#10 request: its own signature, an ECDSA P-256 or RSA key. */
export async function readCsr(pem: string): Promise<X509.Pkcs10CertificateRequest> {
  const csr = new x509.Pkcs10CertificateRequest(pem);
  if (!(await csr.verify())) throw new Error('CSR signature invalid');
  return csr;
}

export { type X509, x509 };
