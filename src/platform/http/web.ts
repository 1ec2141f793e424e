import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built React app; unknown non-API paths get index.html (client-side routing). */
export async function registerWeb(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    throw new Error(`The web app is not built (${distDir}). Run: npm run build`);
  }
  // Hashed assets are served as files; any other path without an extension is a client-side
  // route and gets index.html. Files are looked up per request, so a rebuild needs no restart.
  await app.register(fastifyStatic, { root: distDir, index: false, wildcard: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/')) return reply.callNotFound();
    if (path.extname(url)) {
      const file = path.join(distDir, path.normalize(url));
      if (file.startsWith(distDir + path.sep) && existsSync(file)) {
        return reply.sendFile(path.relative(distDir, file));
      }
      // A missing asset is a 404; any other dotted path is a route (`/portal/procedures/1.001193`).
      if (url.startsWith('/assets/') || !file.startsWith(distDir + path.sep)) {
        return reply.callNotFound();
      }
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
