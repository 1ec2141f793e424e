import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../../platform/errors.js';

// OWASP's argon2id setting: m = 19 MiB, t = 2, p = 1.
const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, not importable under verbatimModuleSyntax)
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so both answers take the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no-such-user-dummy-password');
  return dummyHash;
}

/** Length rules (NIST SP 800-63B): 10–128 characters, not the username. */
export function checkPasswordPolicy(password: string, username: string): void {
  const tooShort = password.length < 10;
  if (tooShort || password.length > 128 || password.toLowerCase() === username.toLowerCase()) {
    throw new DomainError('invalid', 'identity.weak_password', {
      vi: 'Mật khẩu phải có từ 10 đến 128 ký tự và khác tên đăng nhập.',
      en: 'The password must be 10 to 128 characters long and differ from the username.',
    });
  }
}
