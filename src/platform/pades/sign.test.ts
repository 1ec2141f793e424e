import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changedAfterSigning,
  preparePdf,
  readSignatures,
  signPdf,
  type SigningLayout,
} from './index.js';
import { createTestCa, type TestCa } from './test-ca.js';
import { decisionPdf, SIGNER_NAME } from './test-decision.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const hasNss = has('pdfsig') && has('certutil');
const dir = mkdtempSync(path.join(tmpdir(), 'op-pades-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AGENCY = 'Sở Thông tin và Truyền thông';
const signedAt = new Date('2021-07-15T03:30:00Z');

async function signBoth(ca: TestCa, prepared: { pdf: Uint8Array; layout: SigningLayout }) {
  const person = await signPdf(prepared.pdf, {
    layout: prepared.layout,
    signer: ca.person,
    signingTime: signedAt,
    reason: 'Phê duyệt văn bản',
    location: 'Trà Vinh',
    name: SIGNER_NAME,
    appearance: { kind: 'person', fullName: SIGNER_NAME, lines: [] },
  });
  const agency = await signPdf(person.pdf, {
    layout: prepared.layout,
    signer: ca.agency,
    signingTime: new Date(signedAt.getTime() + 3600_000),
    reason: 'Phát hành văn bản',
    location: 'Trà Vinh',
    name: AGENCY,
    appearance: { kind: 'agency', agencyName: AGENCY, lines: [] },
    stamps: {
      number: '15/QĐ-STTTT',
      date: { day: '15', month: '7', year: '2021' },
      qrText: 'https://op.example/verify/AB12CD34',
    },
  });
  return { person, agency };
}

/** pdfsig against an NSS database that trusts the test root (pdfsig exits 0 even on failures). */
function pdfsig(ca: TestCa, pdf: Uint8Array): string {
  const nss = mkdtempSync(path.join(dir, 'nss-'));
  writeFileSync(path.join(nss, 'root.pem'), ca.rootPem);
  execFileSync('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${nss}`,
    '-n',
    'root',
    '-t',
    'CT,C,C',
    '-i',
    path.join(nss, 'root.pem'),
  ]);
  const file = path.join(nss, 'doc.pdf');
  writeFileSync(file, pdf);
  return spawnSync('pdfsig', ['-nssdir', `sql:${nss}`, file], { encoding: 'utf8' }).stdout;
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('PAdES signing (person, then agency with stamps)', () => {
  let ca: TestCa;
  let prepared: { pdf: Uint8Array; layout: SigningLayout };
  let signed: Awaited<ReturnType<typeof signBoth>>;

  beforeAll(async () => {
    ca = await createTestCa();
    prepared = await preparePdf(await decisionPdf(), { signerName: SIGNER_NAME });
    signed = await signBoth(ca, prepared);
  });

  it('appends one update per signature and keeps every earlier byte', () => {
    const { person, agency } = signed;
    expect(
      Buffer.from(person.pdf.subarray(0, prepared.pdf.length)).equals(Buffer.from(prepared.pdf)),
    ).toBe(true);
    expect(
      Buffer.from(agency.pdf.subarray(0, person.pdf.length)).equals(Buffer.from(person.pdf)),
    ).toBe(true);
  });

  it('reads both signatures back with their facts', async () => {
    const facts = await readSignatures(signed.agency.pdf);
    expect(facts).toHaveLength(2);
    const [first, second] = facts;
    expect(first).toMatchObject({
      index: 0,
      fieldName: 'Signature1',
      digestMatches: true,
      cmsSignatureValid: true,
      coversWholeFile: false,
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Phê duyệt văn bản',
      location: 'Trà Vinh',
      name: SIGNER_NAME,
      claimedTime: signedAt,
      signatureDigest: signed.person.signatureDigest,
    });
    expect(second).toMatchObject({
      index: 1,
      fieldName: 'Signature2',
      digestMatches: true,
      cmsSignatureValid: true,
      coversWholeFile: true,
      signatureDigest: signed.agency.signatureDigest,
    });
    expect(Buffer.from(first!.signerCertificate!).equals(Buffer.from(ca.person.certificate))).toBe(
      true,
    );
    expect(Buffer.from(second!.signerCertificate!).equals(Buffer.from(ca.agency.certificate))).toBe(
      true,
    );
    expect(second!.certificates).toHaveLength(3);
    expect(changedAfterSigning(facts, signed.agency.pdf.length)).toBe(false);
  });

  it('reports a changed byte inside a signed range as a digest mismatch', async () => {
    const tampered = new Uint8Array(signed.agency.pdf);
    tampered[2000] = tampered[2000]! ^ 0x01;
    const facts = await readSignatures(tampered);
    expect(facts.map((f) => f.digestMatches)).toEqual([false, false]);
    expect(facts.map((f) => f.cmsSignatureValid)).toEqual([true, true]);
    expect(changedAfterSigning(facts, tampered.length)).toBe(true);
  });

  it('reports bytes appended after the last signature', async () => {
    const appended = Buffer.concat([signed.agency.pdf, Buffer.from('\n% appended later\n')]);
    const facts = await readSignatures(appended);
    expect(facts.every((f) => f.digestMatches)).toBe(true);
    expect(facts.at(-1)!.coversWholeFile).toBe(false);
    expect(changedAfterSigning(facts, appended.length)).toBe(true);
  });

  it('finds no signatures in an unsigned document', async () => {
    expect(await readSignatures(prepared.pdf)).toEqual([]);
    expect(changedAfterSigning([], prepared.pdf.length)).toBe(false);
  });

  it.skipIf(!hasNss)(
    'is valid and trusted for poppler pdfsig, and a changed byte breaks both',
    () => {
      const report = pdfsig(ca, signed.agency.pdf);
      expect(count(report, 'Signature Validation: Signature is Valid.')).toBe(2);
      expect(count(report, 'Certificate Validation: Certificate is Trusted.')).toBe(2);
      expect(report).toContain('Signature Type: ETSI.CAdES.detached');
      expect(report).toContain('Total document signed');

      const tampered = new Uint8Array(signed.agency.pdf);
      tampered[2000] = tampered[2000]! ^ 0x01;
      expect(count(pdfsig(ca, tampered), 'Digest Mismatch')).toBe(2);
    },
  );
});

describe('PAdES signing with RSA keys', () => {
  it('signs and verifies with RSA-2048 as well', async () => {
    const ca = await createTestCa('rsa');
    const prepared = await preparePdf(await decisionPdf(), { signerName: SIGNER_NAME });
    const { agency } = await signBoth(ca, prepared);
    const facts = await readSignatures(agency.pdf);
    expect(facts.map((f) => [f.digestMatches, f.cmsSignatureValid])).toEqual([
      [true, true],
      [true, true],
    ]);
    if (hasNss) expect(count(pdfsig(ca, agency.pdf), 'Signature is Valid.')).toBe(2);
  });
});
