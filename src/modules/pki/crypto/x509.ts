import 'reflect-metadata';
import { createRequire } from 'node:module';
import type * as X509 from '@peculiar/x509';

/**
 * @peculiar/x509 through Node's own resolver (its CommonJS build, as `tsx` and Node load it
 * in production). Its ES build, resolved bundler-style by Vitest's global setup (which
 * seeds the test template), pairs modules with different nested copies of asn1js and fails
 * at load ("Cannot get schema for 'OctetString' target").
 */
export const x509 = createRequire(import.meta.url)('@peculiar/x509') as typeof X509;
x509.cryptoProvider.set(globalThis.crypto);
export type { X509 };
