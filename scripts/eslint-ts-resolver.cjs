// A tiny import resolver (eslint-module-utils interface v2) so that eslint-plugin-boundaries
// can follow our TypeScript imports: NodeNext code imports `./store.js` meaning `./store.ts`,
// and the web app imports `./api` meaning `./api.ts(x)`. Without it the plugin cannot resolve
// these paths and silently skips them, so no boundary rule would ever fire.
// Only relative and absolute paths are resolved; packages are left to the next resolver.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const JS_TO_TS = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx', '.json'];

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function candidates(target) {
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  return [
    ...(JS_TO_TS[ext] ?? []).map((tsExt) => stem + tsExt),
    target,
    ...EXTENSIONS.map((e) => target + e),
    ...EXTENSIONS.map((e) => path.join(target, 'index' + e)),
  ];
}

exports.interfaceVersion = 2;

exports.resolve = function resolve(source, file) {
  if (source.startsWith('node:')) return { found: true, path: null };
  if (!source.startsWith('.') && !path.isAbsolute(source)) return { found: false };
  const target = path.resolve(path.dirname(file), source.split('?')[0]);
  const hit = candidates(target).find(isFile);
  return hit ? { found: true, path: hit } : { found: false };
};
