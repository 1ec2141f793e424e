/**
 * HTTP scenarios against real server processes: the bare Fastify hello-world (the baseline),
 * then the platform server (`src/main.ts`) on a target — an authenticated read and a password
 * login driven by autocannon, and the public catalogue search timed request by request.
 */
import autocannon from 'autocannon';
import { type Target, password, peakRss, start, stop } from '../lib/env.js';
import { type Measured, measure } from '../lib/measure.js';
import { type Row, pct } from '../lib/report.js';

export type HttpOptions = { seconds: number; connections: number };

/** With and without diacritics, words and a code prefix: what people type into the portal. */
const searches = [
  'khai sinh',
  'đăng ký khai sinh',
  'chung thuc ban sao',
  'chứng thực bản sao',
  'ket hon',
  'kết hôn',
  'giay phep lai xe',
  'giấy phép xây dựng',
  'ho kinh doanh',
  'đất đai',
  'ly lich tu phap',
  'lý lịch tư pháp',
  'xac nhan tinh trang hon nhan',
  'cấp lại',
  'thuy san',
  '1.0011',
];

async function cannon(
  name: string,
  pid: number,
  http: HttpOptions,
  opts: autocannon.Options,
): Promise<Row> {
  const r = await autocannon({ duration: http.seconds, connections: http.connections, ...opts });
  return {
    name,
    rate: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    peakRssMb: peakRss(pid),
  };
}

/** Times GET requests one by one from `concurrency` clients (exact percentiles). */
function timeGets(urls: string[], http: HttpOptions, concurrency: number): Promise<Measured> {
  return measure(
    async (_c, i) => {
      const res = await fetch(urls[i % urls.length]!);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${res.status} ${urls[i % urls.length]}`);
    },
    { concurrency, seconds: http.seconds },
  );
}

export type Baseline = { hello: Row; latency: { one: Measured; loaded: Measured } };

export async function helloBaseline(http: HttpOptions): Promise<Baseline> {
  const hello = await start('bench/hello.ts', { PORT: '3901' });
  try {
    const url = 'http://127.0.0.1:3901/hello';
    const row = await cannon('baseline: bare Fastify hello-world', hello.pid!, http, { url });
    return {
      hello: row,
      latency: {
        one: await timeGets([url], http, 1),
        loaded: await timeGets([url], http, http.connections),
      },
    };
  } finally {
    await stop(hello);
  }
}

/**
 * The platform server on `target`: authenticated read and login (autocannon, as in issue 2),
 * then the catalogue search, timed, against the hello-world's latency.
 */
export async function serverScenarios(
  target: Target,
  port: number,
  http: HttpOptions,
  baseline: Baseline,
  which: { platform: boolean; search: boolean },
): Promise<{ platform: Row[]; search: Row[] }> {
  const server = await start('src/main.ts', {
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_PASSWORD: password,
    ...target.env,
  });
  const base = `http://127.0.0.1:${port}`;
  const label = target.label;
  const out = { platform: [] as Row[], search: [] as Row[] };
  try {
    if (which.platform) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ld.stttt', password }),
      });
      if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const agency = await (
        await fetch(`${base}/api/agencies/search?q=stttt`, { headers: { cookie } })
      ).json();
      const agencyId = (agency.items ?? agency)[0].id;
      const helloRate = baseline.hello.rate!;
      const read = await cannon(
        `${label}: authenticated read (users of STTTT)`,
        server.pid!,
        http,
        {
          url: `${base}/api/users?agencyId=${agencyId}`,
          headers: { cookie },
        },
      );
      read.versus = `${pct(read.rate!, helloRate)} of hello-world req/s`;
      const login = await cannon(`${label}: password login (argon2id)`, server.pid!, http, {
        url: `${base}/api/auth/login`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'cv.stttt', password }),
      });
      login.versus = `${pct(login.rate!, helloRate)} of hello-world req/s`;
      out.platform.push(read, login);
    }
    if (which.search) {
      const urls = searches.map((q) => `${base}/api/catalog/procedures?q=${encodeURIComponent(q)}`);
      await timeGets(urls, { ...http, seconds: 1 }, 1); // warm the plans and caches
      for (const [concurrency, m, hello] of [
        [1, await timeGets(urls, http, 1), baseline.latency.one],
        [http.connections, await timeGets(urls, http, http.connections), baseline.latency.loaded],
      ] as const) {
        out.search.push({
          name: `${label}: catalogue search, ${concurrency} client${concurrency > 1 ? 's' : ''}`,
          rate: m.rate,
          p50: m.p50,
          p95: m.p95,
          p99: m.p99,
          errors: m.errors,
          peakRssMb: peakRss(server.pid!),
          versus: `hello-world p95 ${hello.p95.toFixed(1)} ms (${(m.p95 / hello.p95).toFixed(1)}×)`,
          target: 'p95 ≤ 50 ms',
          met: m.p95 <= 50,
        });
      }
    }
    return out;
  } finally {
    await stop(server);
  }
}

export function helloRows(b: Baseline, connections: number): { platform: Row; search: Row[] } {
  const row = (c: number, m: Measured): Row => ({
    name: `baseline: hello-world, timed, ${c} client${c > 1 ? 's' : ''}`,
    rate: m.rate,
    p50: m.p50,
    p95: m.p95,
    p99: m.p99,
    errors: m.errors,
  });
  return {
    platform: b.hello,
    search: [row(1, b.latency.one), row(connections, b.latency.loaded)],
  };
}
