import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../errors.js';
import { type FileKind, mimeOf, sniffKind } from './kinds.js';

export type StoredFile = { sha256: string; size: number; kind: FileKind; mime: string };

export type PutOptions = { allowed: readonly FileKind[]; maxBytes: number };

export type FileStore = {
  /** Checks size and kind by content, then stores the bytes once under their SHA-256. */
  put(bytes: Uint8Array, opts: PutOptions): Promise<StoredFile>;
  /** The bytes of a stored file; `file.not_found` when there is none. */
  read(sha256: string): Promise<Buffer>;
  /** A stream of a stored file for `reply.send`; check `exists` first (a missing file errors the stream). */
  stream(sha256: string): NodeJS.ReadableStream;
  exists(sha256: string): Promise<boolean>;
};

const DIR_MODE = 0o750;
const FILE_MODE = 0o640;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A content-addressed store: `<dir>/<h[0..2]>/<h[2..4]>/<h>`. Nothing the user sends takes part
 * in a path. A file is written to a temporary name in its final directory, flushed and renamed,
 * so a reader never sees a partial file and the same content uploaded twice is kept once.
 */
export function createFileStore({ dir }: { dir: string }): FileStore {
  const root = path.resolve(dir);
  const pathOf = (sha256: string): string => {
    if (!SHA256.test(sha256)) {
      throw new DomainError('invalid', 'file.invalid_id', {
        vi: 'Mã tệp không hợp lệ.',
        en: 'The file id is not valid.',
      });
    }
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  const exists = async (sha256: string): Promise<boolean> => {
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  };

  return {
    async put(bytes, { allowed, maxBytes }) {
      if (bytes.length === 0) {
        throw new DomainError('invalid', 'file.empty', {
          vi: 'Tệp đính kèm rỗng.',
          en: 'The attached file is empty.',
        });
      }
      if (bytes.length > maxBytes) {
        throw new DomainError(
          'too_large',
          'file.too_large',
          {
            vi: `Tệp đính kèm vượt quá dung lượng cho phép (${formatMegabytes(maxBytes)}).`,
            en: `The attached file is larger than allowed (${formatMegabytes(maxBytes)}).`,
          },
          { maxBytes },
        );
      }
      const kind = await sniffKind(bytes);
      if (kind === null || !allowed.includes(kind)) {
        throw new DomainError(
          'unsupported_media',
          'file.type_not_allowed',
          {
            vi: `Loại tệp không được chấp nhận. Chỉ nhận: ${allowed.join(', ')}.`,
            en: `This type of file is not accepted. Accepted: ${allowed.join(', ')}.`,
          },
          { allowed: [...allowed] },
        );
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const stored: StoredFile = { sha256, size: bytes.length, kind, mime: mimeOf[kind] };
      if (await exists(sha256)) return stored;
      const target = pathOf(sha256);
      const folder = path.dirname(target);
      await mkdir(folder, { recursive: true, mode: DIR_MODE });
      await writeAtomically(folder, target, bytes);
      return stored;
    },

    async read(sha256) {
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if (isNotFound(error)) throw fileNotFound();
        throw error;
      }
    },

    stream(sha256) {
      return createReadStream(pathOf(sha256));
    },

    exists,
  };
}

async function writeAtomically(folder: string, target: string, bytes: Uint8Array): Promise<void> {
  const temp = path.join(folder, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', FILE_MODE);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.chmod(FILE_MODE); // open()'s mode passes through the umask: set it exactly
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(folder);
}

/** The rename is durable only once the directory entry is on disk. */
async function syncDirectory(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the file itself is already flushed.
  } finally {
    await handle?.close();
  }
}

const fileNotFound = (): DomainError =>
  new DomainError('not_found', 'file.not_found', {
    vi: 'Không tìm thấy tệp.',
    en: 'The file was not found.',
  });

const isNotFound = (error: unknown): boolean =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';

const formatMegabytes = (bytes: number): string =>
  `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
