/**
 * `npm run bench`: the platform against a bare Fastify baseline, same machine, same run.
 * Starts the real server on PGlite (and on PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL is set), drives it with autocannon and prints req/s, p50/p99,
 * peak RSS and the ratios. Options: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (10).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const password = 'Bench-Password-2026';
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

type Result = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  peakRssMb: number;
};

function start(script: string, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (/ready|is running at/.test(out)) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

/** Peak resident set size of a process so far (VmHWM), in MB. */
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function run(name: string, pid: number, opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ duration: seconds, connections, ...opts });
  const errors = r.errors + r.non2xx;
  return {
    name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors,
    peakRssMb: peakRss(pid),
  };
}

async function login(base: string, username: string): Promise<{ cookie: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie };
}

async function platform(
  label: string,
  env: Record<string, string>,
  port: number,
): Promise<Result[]> {
  const server = await start('src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_PASSWORD: password,
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const { cookie } = await login(base, 'ld.stttt'); // a leader: reads the users of his department
    const agency = await (
      await fetch(`${base}/api/agencies/search?q=stttt`, { headers: { cookie } })
    ).json();
    const agencyId = (agency.items ?? agency)[0].id;
    const read = await run(`${label}: authenticated read (users of STTTT)`, server.pid!, {
      url: `${base}/api/users?agencyId=${agencyId}`,
      headers: { cookie },
    });
    const loginRun = await run(`${label}: password login (argon2id m=19456 t=2)`, server.pid!, {
      url: `${base}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'cv.stttt', password }),
    });
    return [read, loginRun];
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const hello = await start('bench/hello.ts', { PORT: '3901' });
  results.push(
    await run('baseline: bare Fastify hello-world', hello.pid!, {
      url: 'http://127.0.0.1:3901/hello',
    }),
  );
  hello.kill();

  const dataDir = mkdtempSync(path.join(tmpdir(), 'op-bench-'));
  try {
    results.push(...(await platform('PGlite', { DATA_DIR: dataDir }, 3902)));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (pgUrl) {
    const name = `op_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const u = new URL(pgUrl);
      u.pathname = `/${name}`;
      results.push(
        ...(await platform('PostgreSQL', { DATABASE_URL: u.toString(), DATA_DIR: tmpdir() }, 3903)),
      );
    } finally {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  }

  const base = results[0]!.rps;
  console.log(
    `\nOpenProvince bench — ${seconds}s per scenario, ${connections} connections, node ${process.version}`,
  );
  console.log(
    'scenario'.padEnd(56),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
    'peak RSS MB'.padStart(12),
    'vs hello'.padStart(9),
  );
  for (const r of results) {
    const ratio = `${((r.rps / base) * 100).toFixed(1)}%`;
    console.log(
      r.name.padEnd(56),
      String(r.rps).padStart(8),
      String(r.p50).padStart(8),
      String(r.p99).padStart(8),
      String(r.errors).padStart(7),
      String(r.peakRssMb).padStart(12),
      ratio.padStart(9),
    );
  }
  console.log(
    '\nTargets: authenticated read ≥ 40 % of hello-world; login ≥ 30/s per core (the server is one Node process: one core).',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
