/**
 * PAdES signing of a one-page decision against `openssl cms -sign` of the same bytes with the
 * same ECDSA P-256 key and certificate, in the same run. The platform's side is the clerk's
 * agency signature (number, date and QR stamps, the seal, the CMS) appended to a decision the
 * leader has already signed — the heavier of the two signatures. openssl runs as the command
 * a province would script, one process per signature.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as x509 from '@peculiar/x509';
import { type CmsSigner, preparePdf, signPdf } from '../../src/platform/pades/index.js';
import { SIGNER_NAME, decisionPdf } from '../../src/platform/pades/test-decision.js';
import type { Row } from '../lib/report.js';
import { measure } from '../lib/measure.js';

x509.cryptoProvider.set(globalThis.crypto);
const run = promisify(execFile);
const subtle = globalThis.crypto.subtle;
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** One key pair, as PEM files for openssl and as WebCrypto keys for the platform. */
async function signerFiles(dir: string): Promise<{ signer: CmsSigner; key: string; cert: string }> {
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const keyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const privateKey = await subtle.importKey(
    'pkcs8',
    pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
    EC,
    false,
    ['sign'],
  );
  const publicKey = await subtle.importKey(
    'spki',
    pair.publicKey.export({ type: 'spki', format: 'der' }),
    EC,
    true,
    ['verify'],
  );
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Sở Thông tin và Truyền thông, O=UBND tỉnh Trà Vinh, C=VN',
    notBefore: new Date(Date.now() - 3600_000),
    notAfter: new Date(Date.now() + 365 * 864e5),
    keys: { privateKey, publicKey },
    signingAlgorithm: { ...EC, hash: 'SHA-256' },
  });
  const key = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  writeFileSync(key, keyPem);
  writeFileSync(certFile, cert.toString('pem'));
  const der = new Uint8Array(cert.rawData);
  return { signer: { privateKey, certificate: der, chain: [] }, key, cert: certFile };
}

export async function signScenario(opts: { seconds: number }): Promise<Row[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'op-bench-sign-'));
  try {
    const { signer, key, cert } = await signerFiles(dir);
    const { pdf: prepared, layout } = await preparePdf(await decisionPdf(), {
      signerName: SIGNER_NAME,
    });
    const signingTime = new Date();
    const { pdf: leaderSigned } = await signPdf(prepared, {
      layout,
      signer,
      signingTime,
      reason: 'Phê duyệt',
      location: 'Trà Vinh',
      name: SIGNER_NAME,
      appearance: { kind: 'person', fullName: SIGNER_NAME, lines: [] },
    });
    const input = path.join(dir, 'decision.pdf');
    writeFileSync(input, leaderSigned);

    const agencySign = () =>
      signPdf(leaderSigned, {
        layout,
        signer,
        signingTime,
        reason: 'Ban hành',
        location: 'Trà Vinh',
        name: 'Sở Thông tin và Truyền thông',
        appearance: { kind: 'agency', agencyName: 'Sở Thông tin và Truyền thông', lines: [] },
        stamps: {
          number: '15/QĐ-STTTT',
          date: { day: '15', month: '7', year: '2021' },
          qrText: 'https://dichvucong.travinh.gov.vn/verify/7f3k2m9q',
        },
      });
    const opensslSign = () =>
      run('openssl', [
        'cms',
        '-sign',
        '-binary',
        '-md',
        'sha256',
        '-nosmimecap',
        '-outform',
        'DER',
        '-signer',
        cert,
        '-inkey',
        key,
        '-in',
        input,
        '-out',
        '/dev/null',
      ]);

    await agencySign(); // warm the fonts and the code paths
    const platform = await measure(agencySign, { concurrency: 1, seconds: opts.seconds });
    const openssl = await measure(opensslSign, { concurrency: 1, seconds: opts.seconds });
    const bytes = `${Math.round(leaderSigned.length / 1024)} KB`;
    const ratio = (platform.rate / openssl.rate) * 100;
    return [
      {
        name: `openssl cms -sign (${bytes}, one process each)`,
        rate: openssl.rate,
        p50: openssl.p50,
        p95: openssl.p95,
        p99: openssl.p99,
        errors: openssl.errors,
      },
      {
        name: `PAdES agency signature + stamps (${bytes})`,
        rate: platform.rate,
        p50: platform.p50,
        p95: platform.p95,
        p99: platform.p99,
        errors: platform.errors,
        cpu: { node: platform.cpuMs, db: null },
        versus: `${ratio.toFixed(0)} % of openssl`,
        target: '≥ 50 % of openssl',
        met: ratio >= 50,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
