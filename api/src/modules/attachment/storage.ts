import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** The content's SHA-256, lower-case hex: a blob's name in the store. */
export const isHash = (s: string): boolean => /^[0-9a-f]{64}$/.test(s);

/** More bytes came than the store was told to take: it stopped reading and kept nothing. */
export class TooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`more than ${maxBytes} bytes`);
  }
}

/** Bytes received and counted but not stored yet: read them to judge, then keep them or let them go. */
export interface StagedBlob {
  hash: string;
  size: number;
  /** Up to `length` bytes from `position` (fewer at the end). */
  read(position: number, length: number): Promise<Buffer>;
  /** Stores the bytes under their hash (once, whoever else stored the same content). */
  commit(): Promise<void>;
  /** Forgets them. */
  discard(): Promise<void>;
}

/**
 * Where attachments' bytes live, by content: the same bytes are stored once, whatever record and
 * name they come with. The filesystem is the default; another store (S3, a NAS) implements the same.
 */
export interface AttachmentStorage {
  /** Receives a stream, hashing and counting it; past `maxBytes` it stops reading and throws TooLarge. */
  stage(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<StagedBlob>;
  /** Stores bytes in hand; returns their hash. */
  put(bytes: Buffer): Promise<string>;
  /** The stored bytes, or null when there are none under that hash. */
  get(hash: string): Promise<Readable | null>;
  has(hash: string): Promise<boolean>;
  /** Forgets a blob no record names any more (nothing when there is none). */
  remove(hash: string): Promise<void>;
}

/**
 * Blobs as files under a directory (ATTACHMENT_DIR): `ab/abcdef…` by SHA-256, received into
 * `.staging/` on the same filesystem and renamed into place, so a blob is either whole or absent.
 */
export class FileStorage implements AttachmentStorage {
  constructor(readonly dir: string) {}

  private file(hash: string): string {
    if (!isHash(hash)) throw new Error('not a SHA-256 hash');
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  async stage(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number): Promise<StagedBlob> {
    const staging = path.join(this.dir, '.staging');
    await fs.mkdir(staging, { recursive: true });
    const temp = path.join(staging, randomBytes(12).toString('hex'));
    const digest = createHash('sha256');
    let size = 0;
    const out = await fs.open(temp, 'wx', 0o600);
    try {
      // one chunk at a time: the next is not read before this one is written (no buffering beyond a chunk)
      for await (const chunk of source) {
        size += chunk.byteLength;
        if (size > maxBytes) throw new TooLarge(maxBytes);
        digest.update(chunk);
        await out.write(chunk);
      }
    } catch (err) {
      await out.close().catch(() => undefined);
      await fs.rm(temp, { force: true });
      throw err;
    }
    await out.close();
    const hash = digest.digest('hex');
    let done = false;
    return {
      hash,
      size,
      read: async (position, length) => {
        const fh = await fs.open(temp, 'r');
        try {
          const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
          const { bytesRead } = await fh.read(buffer, 0, buffer.length, position);
          return buffer.subarray(0, bytesRead);
        } finally {
          await fh.close();
        }
      },
      commit: async () => {
        if (done) return;
        done = true;
        const target = this.file(hash);
        await fs.mkdir(path.dirname(target), { recursive: true });
        // the same content is already there: keep the one stored
        if (await this.has(hash)) await fs.rm(temp, { force: true });
        else await fs.rename(temp, target);
      },
      discard: async () => {
        if (done) return;
        done = true;
        await fs.rm(temp, { force: true });
      },
    };
  }

  async put(bytes: Buffer): Promise<string> {
    const staged = await this.stage([bytes], bytes.length);
    await staged.commit();
    return staged.hash;
  }

  async get(hash: string): Promise<Readable | null> {
    if (!isHash(hash) || !(await this.has(hash))) return null;
    return createReadStream(this.file(hash));
  }

  async has(hash: string): Promise<boolean> {
    if (!isHash(hash)) return false;
    return fs.stat(this.file(hash)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async remove(hash: string): Promise<void> {
    if (isHash(hash)) await fs.rm(this.file(hash), { force: true });
  }
}
