import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting of the platform, read once from the environment at start-up.
 * A wrong value stops start-up with a message that names the variable.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').default('OpenProvince@2021'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Encrypts the CA and platform-held signing keys at rest. In production, without it nothing
  // signs (fail closed); outside production it is generated into DATA_DIR/keys.
  PKI_PASSPHRASE: z.string().min(16, 'must be at least 16 characters').optional(),
  // LibreOffice for DOCX → PDF; "off" disables conversion (drafters then upload PDFs).
  SOFFICE_PATH: z.string().min(1).optional(),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TIME_ZONE: z.string().default('Asia/Ho_Chi_Minh'),
  CUTOFF_HOUR: z.coerce.number().int().min(0).max(23).default(16),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  // Requests a minute per client address to each public route that does real work (PDF
  // upload to /api/public/verify, the document verification a QR code opens); 429 beyond.
  PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  // `false`, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs.
  // Not `true`: trusting every hop lets a client choose its address with X-Forwarded-For.
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, ctx): false | number | string[] => {
      const value = v.trim();
      if (value === 'false' || value === '') return false;
      if (/^\d+$/.test(value)) return Number(value);
      const list = value.split(',').map((p) => p.trim());
      if (value === 'true' || list.some((p) => !/^[0-9a-fA-F.:/]+$/.test(p))) {
        ctx.addIssue({
          code: 'custom',
          message: 'false, a number of proxy hops, or proxy addresses (e.g. 10.0.0.5,10.0.1.0/24)',
        });
        return z.NEVER;
      }
      return list;
    }),
  SEED_DEMO: z.stringbool().optional(),
  FILES_DIR: z.string().min(1).optional(),
  MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  MAX_DOSSIER_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(50 * 1024 * 1024),
  // smtp://user:pass@host:port or smtps://…; without it e-mail stays in the outbox, unsent.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('OpenProvince <no-reply@localhost>'),
  // Run background jobs (the e-mail outbox) in this process; off for one-shot CLI commands.
  JOBS: z.stringbool().default(true),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demoPassword: string;
  /** Seed the demo province and its accounts on an empty database. */
  seedDemo: boolean;
  sessionSecret: string;
  /** Key-encryption passphrase of the PKI; undefined = signing fails closed. */
  pkiPassphrase: string | undefined;
  /** The LibreOffice binary for DOCX → PDF, or null when conversion is off. */
  sofficePath: string | null;
  publicUrl: string | undefined;
  logLevel: string;
  timeZone: string;
  cutoffHour: number;
  sessionTtlHours: number;
  sessionIdleMinutes: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  bodyLimitBytes: number;
  /** Requests a minute per client address to each rate-limited public route. */
  publicRateLimitPerMinute: number;
  trustProxy: false | number | string[];
  /** Attachments and results, stored by content hash (default DATA_DIR/files). */
  filesDir: string;
  maxFileBytes: number;
  maxDossierBytes: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  jobs: boolean;
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parse the environment. Throws ConfigError naming each wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration / Cấu hình không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  if (isProduction && !e.SESSION_SECRET) {
    throw new ConfigError(
      'Invalid configuration / Cấu hình không hợp lệ:\n  SESSION_SECRET: required when NODE_ENV=production',
    );
  }
  return Object.freeze({
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    demoPassword: e.DEMO_PASSWORD,
    seedDemo: e.SEED_DEMO ?? !isProduction,
    sessionSecret: e.SESSION_SECRET ?? readOrCreateSecret(dataDir, 'session-secret'),
    pkiPassphrase:
      e.PKI_PASSPHRASE ??
      (isProduction ? undefined : readOrCreateSecret(dataDir, 'pki-passphrase')),
    sofficePath: e.SOFFICE_PATH === 'off' ? null : (e.SOFFICE_PATH ?? 'soffice'),
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TIME_ZONE,
    cutoffHour: e.CUTOFF_HOUR,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    publicRateLimitPerMinute: e.PUBLIC_RATE_LIMIT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    filesDir: e.FILES_DIR ? path.resolve(e.FILES_DIR) : path.join(dataDir, 'files'),
    maxFileBytes: e.MAX_FILE_BYTES,
    maxDossierBytes: Math.max(e.MAX_DOSSIER_BYTES, e.MAX_FILE_BYTES),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    jobs: e.JOBS,
  });
}

/** Outside production a missing secret is generated once and kept under DATA_DIR/keys. */
function readOrCreateSecret(dataDir: string, name: string): string {
  const dir = path.join(dataDir, 'keys');
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
