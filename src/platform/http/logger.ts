import type { FastifyServerOptions } from 'fastify';

/**
 * pino options: JSON logs without secrets or personal data. Bodies are never logged;
 * the headers that carry credentials are removed and query strings are dropped.
 */
export function loggerOptions(config: {
  logLevel: string;
  env: string;
}): FastifyServerOptions['logger'] {
  return {
    level: config.env === 'test' ? 'silent' : config.logLevel,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.totpCode',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: req.url.split('?')[0],
        id: req.id,
      }),
    },
  };
}
