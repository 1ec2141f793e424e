import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One e-mail as the catcher received it, decoded enough for assertions. */
export type CaughtMessage = {
  envelope: { from: string | null; to: string[] };
  /** Header names in lower case, values unfolded and RFC 2047-decoded. */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** The text/plain body, transfer-decoded, as UTF-8. */
  text: string;
  raw: Buffer;
};

export type SmtpCatcher = {
  port: number;
  /** For SMTP_URL. */
  url: string;
  messages: CaughtMessage[];
  /** Resolves once `count` messages have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<CaughtMessage[]>;
  /** Stops listening: from then on, connections are refused. */
  stop(): Promise<void>;
};

export type CatcherOptions = {
  /** Recipients answered `550 5.1.1` (a permanent refusal). */
  rejectRecipients?: RegExp;
  /** Holds each message this long before accepting it (a slow server). */
  delayMs?: number;
};

/**
 * A local SMTP server that keeps what it receives: start it on a free port, point SMTP_URL
 * at `url`, read `messages`, stop it. No TLS, no authentication.
 */
export async function startSmtpCatcher(opts: CatcherOptions = {}): Promise<SmtpCatcher> {
  const messages: CaughtMessage[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      if (opts.rejectRecipients?.test(address.address)) {
        const err = Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 });
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const from = session.envelope.mailFrom;
        messages.push(
          parseMessage(raw, {
            from: from ? from.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
          }),
        );
        for (const wake of waiters) wake();
        if (opts.delayMs) setTimeout(() => callback(), opts.delayMs);
        else callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  let stopped = false;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(messages);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`SMTP catcher: ${messages.length} of ${count} messages`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseMessage(raw: Buffer, envelope: CaughtMessage['envelope']): CaughtMessage {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, split < 0 ? raw.length : split).toString('utf8');
  const body = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] = decodeWords(line.slice(colon + 1).trim());
  }
  const contentType = headers['content-type'] ?? 'text/plain';
  if (!/^text\/plain\b/i.test(contentType)) {
    throw new Error(`SMTP catcher: only single-part text/plain is decoded, got ${contentType}`);
  }
  const charset = /charset="?([\w-]+)"?/i.exec(contentType)?.[1] ?? 'utf-8';
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  return {
    envelope,
    headers,
    subject: headers.subject ?? '',
    messageId: headers['message-id'] ?? '',
    text: new TextDecoder(charset).decode(decodeBody(body, encoding)).replace(/\r\n/g, '\n'),
    raw,
  };
}

function decodeBody(body: Buffer, encoding: string): Uint8Array {
  if (encoding === 'base64') return Buffer.from(body.toString('ascii'), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.toString('ascii'));
  return body;
}

function decodeQuotedPrintable(text: string, underscoreIsSpace = false): Uint8Array {
  const s = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '_' && underscoreIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

const ENCODED_WORD = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;

/**
 * RFC 2047 encoded words. Adjacent words are joined before decoding: a character's bytes
 * may be split across two of them.
 */
function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, '?==?');
  const parts: ({ text: string } | { charset: string; bytes: number[] })[] = [];
  let last = 0;
  for (const m of joined.matchAll(ENCODED_WORD)) {
    const [word, charset = 'utf-8', kind = 'B', text = ''] = m;
    if (m.index > last) parts.push({ text: joined.slice(last, m.index) });
    const bytes =
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text, true);
    const cs = charset.toLowerCase().split('*')[0]!;
    const previous = parts.at(-1);
    if (previous && 'bytes' in previous && previous.charset === cs) previous.bytes.push(...bytes);
    else parts.push({ charset: cs, bytes: [...bytes] });
    last = m.index + word.length;
  }
  parts.push({ text: joined.slice(last) });
  return parts
    .map((p) =>
      'text' in p ? p.text : new TextDecoder(p.charset).decode(Uint8Array.from(p.bytes)),
    )
    .join('');
}
