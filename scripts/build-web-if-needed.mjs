// `npm start` builds the web app when web/dist is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const web = path.resolve('web');
const built = path.join(web, 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(path.join(web, 'src')),
  statSync(path.join(web, 'index.html')).mtimeMs,
);
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);
console.log('Building the web app (web/dist)…');
// Always a production bundle, even when a test run calls this (Vitest sets NODE_ENV=test).
const vite = spawnSync(
  process.execPath,
  [path.resolve('node_modules/vite/bin/vite.js'), 'build', 'web'],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
);
process.exit(vite.status ?? 1);
