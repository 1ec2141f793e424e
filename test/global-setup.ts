import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPgliteTemplate, buildPostgresTemplate, dropDatabase } from './helpers/template.js';

declare module 'vitest' {
  interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Runs once per project: builds the migrated, demo-seeded database that every test file
 * clones — a PGlite dump, or a template database on the PostgreSQL server.
 */
export default async function setup(project: TestProject): Promise<void | (() => Promise<void>)> {
  const kind = project.name === 'postgres' ? 'postgres' : 'pglite';
  project.provide('dbKind', kind);
  // Browser and process tests serve web/dist: build it once here, before any test runs.
  if (project.name !== 'postgres') {
    execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], { stdio: 'inherit' });
  }
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('the postgres project needs TEST_DATABASE_URL');
    const name = `op_template_${process.pid}`;
    await buildPostgresTemplate(url, name);
    project.provide('postgresTemplate', name);
    project.provide('pgliteTemplate', '');
    // The template outlives no run: dropped when the project's tests are done.
    return () => dropDatabase(url, name);
  }
  const dir = path.resolve('node_modules/.cache/openprovince-test');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `template-${project.name}-${process.pid}.tar.gz`);
  const blob = await buildPgliteTemplate();
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
}
