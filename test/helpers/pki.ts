import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { Secret, TOTP } from 'otpauth';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Session, TestApp } from './app.js';

x509.cryptoProvider.set(globalThis.crypto);

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/**
 * Enrols TOTP for a signed-in user through the API (leaders are not forced to, admins are
 * by loginAs) and returns a code generator: each call moves the test clock to the next time
 * step, since a code is good once.
 */
export async function enrolTotp(t: TestApp, session: Session): Promise<() => string> {
  const setup = await session.post('/api/me/totp');
  if (setup.statusCode !== 200) throw new Error(`totp setup: ${setup.statusCode} ${setup.body}`);
  const totp = new TOTP({ secret: Secret.fromBase32(setup.json().secret as string) });
  const next = () => {
    t.clock.advance(31_000);
    return totp.generate({ timestamp: t.clock.now().getTime() });
  };
  const confirm = await session.post('/api/me/totp/confirm', { code: next() });
  if (confirm.statusCode !== 204) throw new Error(`totp confirm: ${confirm.body}`);
  return next;
}

/** A key pair "on a USB token" and its PKCS#10 request, as the device would make them. */
export async function deviceKeyAndCsr(name: string) {
  const keys = (await globalThis.crypto.subtle.generateKey(ECDSA, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: [{ CN: [name] }],
    keys,
    signingAlgorithm: ECDSA,
  });
  return { keys, csrPem: csr.toString('pem') };
}

/** A one-page decision-like PDF (ASCII text, standard font) to sign in tests. */
export async function samplePdf(
  title = 'QUYET DINH ve viec thu nghiem ky so',
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  page.drawText('UBND TINH TRA VINH', { x: 60, y: 780, size: 12, font });
  page.drawText('So: /QD-STTTT', { x: 60, y: 760, size: 12, font });
  page.drawText('Tra Vinh, ngay   thang   nam 2021', { x: 320, y: 760, size: 12, font });
  page.drawText(title, { x: 120, y: 700, size: 14, font });
  page.drawText('GIAM DOC', { x: 380, y: 300, size: 12, font });
  return doc.save({ useObjectStreams: false });
}

/** The id of a demo account (tests may read identity's table; services may not). */
export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const row = await t.db
    .selectFrom('identity.users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.id as string;
}
