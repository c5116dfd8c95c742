import type { Express, Request, Response } from 'express';
import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import type { Services } from '../../common/context';
import { inScope, refuseHttp, signIn } from '../../common/http-auth';
import { refusalBrake } from '../../common/request-log';
import type { RequestBudget } from '../../common/request-scope';
import { FACT_KEEPERS } from '../../common/roles';
import type { Attachment } from './attachment.entity';

/** Refusals of the content itself: too large, not a type attachments take. */
const REASON_STATUS: Record<string, number> = { FILE_TOO_LARGE: 413, UNSUPPORTED_TYPE: 415, EXTENSION_MISMATCH: 415 };

/**
 * POST /files?targetType=&targetId=&name= (the file as the raw body) and GET /files/<id>, with the bearer
 * token of the GraphQL endpoint (and, for a root user, X-Office). An upload is refused before its body is
 * read when the record is not there for the user (404) or not theirs to change (403), and while it is read
 * once it passes the maximum (413); what it is comes from its bytes (415 for anything else). A download is
 * answered only to a signed-in user who may read the record: 404 otherwise, the same for missing and
 * not allowed.
 */
export function mountFiles(app: Express, kit: { ds: DataSource; services: Services; budget: RequestBudget }): void {
  app.post('/files', refusalBrake(kit.services.limits), (req, res) => void upload(req, res, kit));
  app.get('/files/:id', (req, res) => void download(req, res, kit));
}

type Kit = Parameters<typeof mountFiles>[1];

async function upload(req: Request, res: Response, kit: Kit): Promise<void> {
  const attachments = kit.services.attachment;
  const q = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
  const length = req.get('content-length');
  let reading = false;
  try {
    const { actor, admitted, viewer } = await inScope(req, kit, undefined, async () => {
      const actor = await signIn(req, kit, FACT_KEEPERS);
      const admitted = await attachments.admit({ targetType: q('targetType'), targetId: q('targetId'), fileName: q('name'), declaredLength: length ? Number(length) : undefined }, actor);
      return { actor, admitted, viewer: req.scope?.viewer };
    });
    reading = true;
    // no database while the bytes arrive; the iterator must not destroy the request (and its socket) when the store stops reading
    const received = await attachments.receive(admitted, req.iterator({ destroyOnReturn: false }) as AsyncIterable<Uint8Array>);
    const { attachment, created } = await inScope(req, kit, viewer, () => attachments.record(admitted, received, actor));
    req.facts = { ...req.facts, outcome: 'OK' };
    res.status(created ? 201 : 200).json(attachmentJson(attachment));
  } catch (err) {
    refuse(req, res, err);
    drain(req, attachments.maxBytes, reading);
  }
}

async function download(req: Request, res: Response, kit: Kit): Promise<void> {
  const id = String(req.params.id);
  try {
    const opened = await inScope(req, kit, undefined, async () => {
      await signIn(req, kit);
      return /^[1-9]\d{0,14}$/.test(id) ? kit.services.attachment.open(Number(id)) : null;
    });
    if (!opened) return void notThere(res);
    const { attachment: a, stream } = opened;
    const etag = `"${a.hash}"`;
    const inline = (a.mimeType.startsWith('image/') || a.mimeType === 'application/pdf') && req.query.download === undefined;
    res.set({
      'Content-Type': a.mimeType,
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', a.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-cache',
      'Cross-Origin-Resource-Policy': 'same-origin',
      ETag: etag,
      // nothing the file holds may run or load anything; PDFs are left to the browser's viewer
      ...(a.mimeType === 'application/pdf' ? {} : { 'Content-Security-Policy': "default-src 'none'; sandbox" }),
    });
    if (req.get('if-none-match') === etag) {
      (stream as Readable).destroy();
      return void res.status(304).end();
    }
    res.set('Content-Length', String(a.size));
    (stream as Readable).on('error', () => res.destroy()).pipe(res);
  } catch (err) {
    refuse(req, res, err);
  }
}

function notThere(res: Response): void {
  res.status(404).json({ errors: [{ message: 'There is no such file for you', extensions: { code: 'NOT_FOUND' } }] });
}

/** A refusal as the GraphQL endpoint words it (common/http-auth.ts), with the statuses of the content's own refusals and one 404 for every file not there. */
function refuse(req: Request, res: Response, err: unknown): void {
  refuseHttp(req, res, err, { reasonStatus: REASON_STATUS, notFound: notThere, what: 'The file could not be handled' });
}

/**
 * After a refusal, reads and drops what the client still sends (so it sees the answer rather than a
 * reset connection), up to `cap` bytes; past that the connection is closed.
 */
function drain(req: Request, cap: number, alreadyReading: boolean): void {
  if (req.readableEnded || req.destroyed) return;
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > cap) req.destroy();
  });
  if (alreadyReading || req.isPaused()) req.resume();
}

/** `inline` or `attachment` with the name as uploaded: an ASCII stand-in, and the real name in RFC 5987 encoding (Chinese names). */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** What an upload answers: the attachment as the schema shows it. */
function attachmentJson(a: Attachment) {
  return {
    id: String(a.id),
    targetType: a.targetType,
    targetId: String(a.targetId),
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    hash: a.hash,
    uploadedByName: a.uploadedByName,
    createdAt: a.createdAt instanceof Date ? a.createdAt.toISOString() : a.createdAt,
    url: `/files/${a.id}`,
  };
}
