/**
 * CMS SignedData for PAdES baseline (SubFilter ETSI.CAdES.detached): SHA-256, signed attributes
 * contentType, messageDigest and signing-certificate-v2, no signingTime (PAdES takes the time
 * from the signature dictionary's /M); and the reverse: the facts a validator needs.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto }));

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const toArrayBuffer = (der: Uint8Array): ArrayBuffer =>
  der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;

const parsedCertificates = new Map<string, pkijs.Certificate>();

/** Certificates parsed once per process (a signer signs many documents). */
function certificate(der: Uint8Array): pkijs.Certificate {
  const key = createHash('sha256').update(der).digest('base64');
  let cert = parsedCertificates.get(key);
  if (!cert) {
    if (parsedCertificates.size > 1000) parsedCertificates.clear();
    cert = pkijs.Certificate.fromBER(toArrayBuffer(der));
    parsedCertificates.set(key, cert);
  }
  return cert;
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (hash SHA-256 by default). */
function signingCertificateV2(cert: pkijs.Certificate, der: Uint8Array): asn1js.Sequence {
  const certHash = createHash('sha256').update(der).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 4 },
            value: [cert.issuer.toSchema()],
          }),
        ],
      }),
      cert.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER of a ContentInfo(SignedData) over content whose SHA-256 is `digest`. */
export async function createCms(
  signer: { privateKey: CryptoKey; certificate: Uint8Array; chain: Uint8Array[] },
  digest: Uint8Array,
): Promise<Uint8Array> {
  const cert = certificate(signer.certificate);
  const signedAttrs = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: OID.data })],
    }),
    new pkijs.Attribute({
      type: OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })],
    }),
    new pkijs.Attribute({
      type: OID.signingCertificateV2,
      values: [signingCertificateV2(cert, signer.certificate)],
    }),
  ];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: cert.issuer,
          serialNumber: cert.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttrs }),
      }),
    ],
    certificates: [cert, ...signer.chain.map(certificate)],
  });
  await signedData.sign(signer.privateKey, 0, 'SHA-256');
  const info = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return new Uint8Array(info.toSchema().toBER());
}

export type CmsFacts = {
  /** DER without the zero padding of /Contents. */
  der: Uint8Array;
  digestMatches: boolean;
  signatureValid: boolean;
  signerCertificate: Uint8Array | null;
  certificates: Uint8Array[];
};

/** Checks a detached CMS against the two signed byte ranges; no chain or trust decision. */
export async function inspectCms(padded: Uint8Array, ranges: Uint8Array[]): Promise<CmsFacts> {
  const asn1 = asn1js.fromBER(toArrayBuffer(padded));
  if (asn1.offset === -1) throw new Error('the signature value is not DER');
  const der = padded.subarray(0, asn1.offset);
  const info = new pkijs.ContentInfo({ schema: asn1.result });
  if (info.contentType !== OID.signedData) throw new Error('not a CMS SignedData');
  const signedData = new pkijs.SignedData({ schema: info.content });
  const certs = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new Error('the CMS has no signer');
  const sid = signerInfo.sid;
  const signer =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  const engine = pkijs.getCrypto(true);
  const hashName = engine.getAlgorithmByOID(signerInfo.digestAlgorithm.algorithmId, true).name;
  const nodeHash = hashName.toLowerCase().replace('-', '');
  const hash = createHash(nodeHash);
  for (const range of ranges) hash.update(range);
  const actual = hash.digest();
  const claimed = signerInfo.signedAttrs?.attributes.find((a) => a.type === OID.messageDigest)
    ?.values[0];
  const digestMatches =
    claimed instanceof asn1js.OctetString &&
    Buffer.from(claimed.valueBlock.valueHexView).equals(actual);
  let signatureValid = false;
  if (signer && signerInfo.signedAttrs) {
    const isRsa = signerInfo.signatureAlgorithm.algorithmId === '1.2.840.113549.1.1.1';
    signatureValid = await engine
      .verifyWithPublicKey(
        signerInfo.signedAttrs.encodedValue,
        signerInfo.signature,
        signer.subjectPublicKeyInfo,
        signerInfo.signatureAlgorithm,
        isRsa ? hashName : undefined,
      )
      .catch(() => false);
  }
  const toDer = (c: pkijs.Certificate) => new Uint8Array(c.toSchema().toBER());
  return {
    der,
    digestMatches,
    signatureValid,
    signerCertificate: signer ? toDer(signer) : null,
    certificates: [...(signer ? [signer] : []), ...certs.filter((c) => c !== signer)].map(toDer),
  };
}
