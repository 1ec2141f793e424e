import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'op-config-'));
    try {
      const c = loadConfig({ DATA_DIR: dir });
      expect(c.port).toBe(3000);
      expect(c.timeZone).toBe('Asia/Ho_Chi_Minh');
      expect(c.seedDemo).toBe(true);
      // Outside production a missing secret is generated once and kept.
      expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(path.join(dir, 'keys/session-secret'), 'utf8').trim()).toBe(
        c.sessionSecret,
      );
      expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ CUTOFF_HOUR: '25' }, 'CUTOFF_HOUR'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD'],
    [{ NODE_ENV: 'production', SESSION_SECRET: undefined }, 'SESSION_SECRET'],
    [{ SESSION_SECRET: 'too-short' }, 'SESSION_SECRET'],
  ])('refuses %j naming the variable', (env, name) => {
    expect(() =>
      loadConfig({ DATA_DIR: '/nonexistent', SESSION_SECRET: 'x'.repeat(32), ...env }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ DATA_DIR: '/nonexistent', SESSION_SECRET: 'x'.repeat(32), ...env }),
    ).toThrow(name);
  });

  it('trusts a number of proxy hops or a list of proxies, never every hop', () => {
    const base = { DATA_DIR: '/nonexistent', SESSION_SECRET: 'x'.repeat(32) };
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toEqual([
      '10.0.0.5',
      '10.0.1.0/24',
    ]);
  });

  it('seeds no demo data in production', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'p'.repeat(40),
      DATA_DIR: '/srv/op',
    });
    expect(c.seedDemo).toBe(false);
    expect(c.isProduction).toBe(true);
  });
});
