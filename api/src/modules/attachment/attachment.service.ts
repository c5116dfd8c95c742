import path from 'node:path';
import DataLoader from 'dataloader';
import { type DataSource, type EntityManager, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/context';
import { type CrudOptions, CrudService } from '../../common/crud.service';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import { badInput, conflict, forbidden, notFound, toId } from '../../common/errors';
import { checkRow } from '../../common/input-limits';
import { groupBy, type Loaders } from '../../common/loaders';
import { Role } from '../../common/roles';
import { assertWritable, ownerOfId, unscoped } from '../../common/scope';
import { type Attachable, attachable } from './attachable';
import { Attachment } from './attachment.entity';
import type { AttachmentFilter } from './attachment.inputs';
import { type FileType, sniff } from './sniff';
import { type AttachmentStorage, type StagedBlob, TooLarge } from './storage';

/** A record holds at most this many attachments (its `attachments` list is bounded by it). */
export const MAX_PER_RECORD = 30;

/** What an upload names before its bytes are read. */
export interface UploadRequest {
  targetType: string | undefined;
  targetId: string | undefined;
  fileName: string | undefined;
  /** Content-Length, when the client sent one. */
  declaredLength?: number;
}

/** An upload that may go ahead: its record writable by the user, its name storable. */
export interface Admitted {
  target: Attachable;
  targetId: number;
  fileName: string;
}

/** Bytes received and judged: what they are, staged until recorded. */
export interface Received {
  staged: StagedBlob;
  type: FileType;
}

/**
 * 附件: files attached to records. An upload is admitted (the record exists for the user and is theirs
 * to change, the name fits) before its body is read, received into the store's staging area (counted
 * against the maximum, never held in memory), judged by its bytes, then recorded with one audit event.
 * The same file on the same record is recorded once; the same bytes anywhere are stored once.
 */
export class AttachmentService extends CrudService<Attachment, AttachmentFilter> {
  constructor(
    ds: DataSource,
    tx: TransactionRunner,
    audit: AuditService,
    opts: CrudOptions<Attachment>,
    /** Where the bytes are kept. */
    readonly storage: AttachmentStorage,
    /** The largest file accepted (ATTACHMENT_MAX_MB). */
    readonly maxBytes: number,
  ) {
    super(ds, tx, audit, opts);
  }

  /** Refuses, before anything is read, what could never be stored: the record, the user's right to change it, the name, a declared size. */
  async admit(req: UploadRequest, actor: Actor): Promise<Admitted> {
    const target = attachable(req.targetType ?? '');
    if (!target) throw badInput('targetType', `Files cannot be attached to "${req.targetType ?? ''}"`, 'NOT_ATTACHABLE');
    const targetId = toId(req.targetId, 'targetId');
    const fileName = path.posix.basename((req.fileName ?? '').replace(/\\/g, '/')).trim();
    if (!fileName) throw badInput('fileName', 'Name the file (?name=…)', 'REQUIRED');
    checkRow(this.meta, { fileName }, [this.meta.findColumnWithPropertyName('fileName')!]);
    if (req.declaredLength !== undefined && req.declaredLength > this.maxBytes) throw this.tooLarge();
    await this.writableTarget(this.ds.manager, target, targetId, actor);
    const count = await this.ds.getRepository(Attachment).count({ where: { targetType: target.name, targetId } });
    if (count >= MAX_PER_RECORD) throw this.full();
    return { target, targetId, fileName };
  }

  /** Receives the body into the store's staging area and judges what it is by its bytes. */
  async receive(admitted: Admitted, body: AsyncIterable<Uint8Array>): Promise<Received> {
    let staged: StagedBlob;
    try {
      staged = await this.storage.stage(body, this.maxBytes);
    } catch (err) {
      if (err instanceof TooLarge) throw this.tooLarge();
      throw err;
    }
    try {
      if (staged.size === 0) throw badInput('file', 'The file is empty', 'EMPTY_FILE');
      const type = await sniff(staged.read, staged.size);
      if (!type) throw badInput('file', 'Only photos (JPEG, PNG, WebP, GIF), PDF and Office documents (Word, Excel, PowerPoint; no macros) can be attached', 'UNSUPPORTED_TYPE');
      const extension = /\.([A-Za-z0-9]{1,8})$/.exec(admitted.fileName)?.[1].toLowerCase();
      if (!extension || !type.extensions.includes(extension)) {
        throw badInput('fileName', `The file is ${type.mimeType}: its name should end in .${type.extensions.join(' or .')}`, 'EXTENSION_MISMATCH', {
          expected: type.extensions.map((e) => `.${e}`).join(' / '),
        });
      }
      return { staged, type };
    } catch (err) {
      await staged.discard();
      throw err;
    }
  }

  /** Records a received file on its record (the record checked again, in the transaction); the same file there again is answered with the first. */
  async record(admitted: Admitted, received: Received, actor: Actor): Promise<{ attachment: Attachment; created: boolean }> {
    const { staged, type } = received;
    const { target, targetId, fileName } = admitted;
    return withHashLock(staged.hash, async () => {
      // the bytes are in place before any row names them
      await staged.commit();
      try {
        return await this.tx.run(async (em) => {
          await this.writableTarget(em, target, targetId, actor);
          const existing = await em.find(Attachment, { where: { targetType: target.name, targetId }, order: { id: 'ASC' } });
          const same = existing.find((a) => a.hash === staged.hash);
          if (same) return { attachment: same, created: false };
          if (existing.length >= MAX_PER_RECORD) throw this.full();
          const saved = await em.save(
            em.create(Attachment, {
              targetType: target.name,
              targetId,
              fileName,
              mimeType: type.mimeType,
              size: staged.size,
              hash: staged.hash,
              uploadedById: actor.user?.id ?? null,
              uploadedByName: actor.user?.username ?? 'system',
            }),
          );
          const jurisdictionId = (await ownerOfId(em, target.entity, targetId)) ?? null;
          await this.audit.record(em, actor, { action: 'UPLOAD', entityType: 'Attachment', entityId: saved.id, after: this.snapshot(saved), jurisdictionId });
          return { attachment: saved, created: true };
        });
      } catch (err) {
        await this.forgetIfUnused(staged.hash);
        throw err;
      }
    });
  }

  /**
   * Removes an attachment: whoever may change its record, unit staff only what they uploaded; one audit
   * event. The bytes go too when no other attachment (of any office) names them.
   */
  async remove(id: number, actor: Actor): Promise<Attachment> {
    const found = await this.get(id);
    if (!found) throw notFound('Attachment', id);
    return withHashLock(found.hash, async () => {
      const removed = await this.tx.run(async (em) => {
        const current = await em.findOne(Attachment, { where: { id } });
        if (!current) throw notFound('Attachment', id);
        const target = attachable(current.targetType);
        if (target) await this.writableTarget(em, target, current.targetId, actor);
        if (actor.user?.role === Role.UNIT_STAFF && current.uploadedById !== actor.user.id) {
          throw forbidden('Unit staff remove only the files they uploaded; ask the office to remove this one', 'NOT_UPLOADER');
        }
        const jurisdictionId = target ? ((await ownerOfId(em, target.entity, current.targetId)) ?? null) : null;
        const before = this.snapshot(current);
        await em.remove(current);
        await this.audit.record(em, actor, { action: 'DELETE', entityType: 'Attachment', entityId: id, before, jurisdictionId });
        return Object.assign(current, { id });
      });
      await this.forgetIfUnused(removed.hash);
      return removed;
    });
  }

  /** The attachment and its bytes, for a user who may read its record; null for anything else. */
  async open(id: number): Promise<{ attachment: Attachment; stream: NodeJS.ReadableStream } | null> {
    const attachment = await this.get(id);
    if (!attachment) return null;
    const stream = await this.storage.get(attachment.hash);
    return stream ? { attachment, stream } : null;
  }

  /** Refuses deleting a record that still has attachments (as a foreign key would). */
  async assertNoAttachments(em: EntityManager, targetType: string, targetId: number): Promise<void> {
    // past the scope rule: an attachment is read as its record is, and the record is in hand
    const n = await unscoped(() => em.count(Attachment, { where: { targetType, targetId } }));
    if (n > 0) throw conflict(`${targetType} ${targetId} has ${n} attachment(s); remove them first`, undefined, 'STILL_REFERENCED', { entity: 'Attachment', count: n });
  }

  /** The record, read as the user may read it (NOT_FOUND otherwise), writable by them, and passing its type's own guard. */
  private async writableTarget(em: EntityManager, target: Attachable, id: number, actor: Actor): Promise<ObjectLiteral> {
    const record = await em.findOne(target.entity as EntityTarget<ObjectLiteral>, { where: { id } });
    if (!record) throw notFound(target.name, id);
    await assertWritable(em, target.entity, record, target.name);
    await target.guard?.(em, record, actor);
    return record;
  }

  /** Removes stored bytes that no attachment names (every office's attachments counted). */
  private async forgetIfUnused(hash: string): Promise<void> {
    const used = await unscoped(() => this.ds.getRepository(Attachment).count({ where: { hash } }));
    if (!used) await this.storage.remove(hash);
  }

  private tooLarge() {
    return badInput('file', `Files of at most ${Math.floor(this.maxBytes / 1024)} KB can be attached`, 'FILE_TOO_LARGE', {
      maxBytes: this.maxBytes,
      maxMb: Math.round((this.maxBytes / 1024 / 1024) * 10) / 10,
    });
  }

  private full() {
    return conflict(`A record holds at most ${MAX_PER_RECORD} attachments`, 'targetId', 'ATTACHMENT_LIMIT', { max: MAX_PER_RECORD });
  }
}

/** A record's attachments (of one type of record), for a page of records in one statement. */
export function attachmentsOf(loaders: Loaders, targetType: string): DataLoader<number, Attachment[]> {
  return loaders.named(
    `Attachment:${targetType}`,
    (ds) =>
      new DataLoader<number, Attachment[]>(async (ids) =>
        groupBy(ids, await ds.getRepository(Attachment).find({ where: { targetType, targetId: In([...ids]) }, order: { id: 'ASC' } }), (a) => a.targetId).map((list) => list.slice(0, MAX_PER_RECORD)),
      ),
  );
}

/**
 * Work on one blob, one at a time in this process: recording an upload (bytes in place, then the row)
 * and removing an attachment (the row, then the bytes if no row names them) never interleave, so a
 * removal cannot take the bytes an upload of the same content is about to name. Several API processes
 * sharing one directory do not share this lock: there, a removal racing an upload of the very same
 * bytes could still remove them (a narrow window; the download then answers 404 and the file is sent again).
 */
const HASH_LOCKS = new Map<string, Promise<void>>();

async function withHashLock<T>(hash: string, work: () => Promise<T>): Promise<T> {
  const previous = HASH_LOCKS.get(hash) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  const queued = previous.then(() => mine);
  HASH_LOCKS.set(hash, queued);
  await previous;
  try {
    return await work();
  } finally {
    release();
    if (HASH_LOCKS.get(hash) === queued) HASH_LOCKS.delete(hash);
  }
}
