import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type SelectQueryBuilder } from 'typeorm';
import { type Actor, signedBy } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { conflict, toId } from '../../common/errors';
import { addDays, chinaDayStart, todayInChina } from '../../common/dates';
import { likePattern } from '../../common/query';
import { PartnerAccess, PartnerKey } from './partner-key.entities';
import type { PartnerAccessFilter, PartnerKeyFilter } from './partner.inputs';
import { unscoped } from '../../common/scope';
import { rawEntities } from '../../common/raw-read';

/** wyk_<8 hex>_<43 base64url>: the prefix identifies the key in lists, the rest is 256 random bits. */
const KEY_FORMAT = /^wyk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** Why a partner request was refused, and the key it named when the key exists. */
export type KeyCheck = { key: PartnerKey } | { refused: string; keyId: number | null };

/**
 * 数据共享密钥: issued and revoked by an ADMIN. The key is random, so a SHA-256 of it is enough to
 * store (no salt or slow hash needed: there is nothing to guess from); it is returned once.
 */
export class PartnerKeyService extends CrudService<PartnerKey, PartnerKeyFilter> {
  async issue(input: { name: string; note?: string | null; jurisdictionId?: string | null }, actor: Actor): Promise<{ key: PartnerKey; secret: string }> {
    const prefix = `wyk_${randomBytes(4).toString('hex')}`;
    const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
    const { jurisdictionId } = this.normalize(this.withOwner({ jurisdictionId: input.jurisdictionId ?? undefined }), false);
    return this.tx.run(async (em) => {
      const row = em.create(PartnerKey, {
        name: input.name.trim(),
        note: input.note?.trim() || null,
        jurisdictionId: jurisdictionId ?? null,
        prefix,
        secretHash: hashKey(secret),
        issuedByName: signedBy(actor).actorName,
        revokedAt: null,
      });
      await this.checkReferences(em, row);
      await this.checkScope(em, row);
      const key = await this.save(em, row);
      await this.audit.record(em, actor, { action: 'ISSUE_KEY', entityType: this.typeName, entityId: key.id, after: this.snapshot(key) });
      return { key, secret };
    });
  }

  async revoke(id: number, reason: string, actor: Actor): Promise<PartnerKey> {
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      if (current.revokedAt) throw conflict(`Key ${current.prefix} was already revoked`, 'id', 'ALREADY_REVOKED');
      const before = this.snapshot(current);
      await em.update(PartnerKey, { id }, { revokedAt: new Date(), revokedByName: signedBy(actor).actorName, revokeReason: reason.trim() });
      const after = await em.findOneByOrFail(PartnerKey, { id });
      await this.audit.record(em, actor, { action: 'REVOKE_KEY', entityType: this.typeName, entityId: id, before, after: this.snapshot(after) });
      return after;
    });
  }

  /** Keys issued before offices existed read every office's editions, as they did: printed at every start until reissued by an office. */
  async warnOfficeless(log: (line: string) => void): Promise<void> {
    const keys = await unscoped(() => this.ds.getRepository(PartnerKey).find({ where: { jurisdictionId: IsNull(), revokedAt: IsNull() }, order: { id: 'ASC' }, take: 50 }));
    if (!keys.length) return;
    log(
      `${keys.length} partner key(s) belong to no office and read every office's editions: ${keys.map((k) => `${k.prefix} (${k.name})`).join(', ')}. Revoke and reissue them from an office unless they are the city's.`,
    );
  }

  /** The key a request sent in X-Api-Key, or why it is refused. */
  async check(header: string | undefined): Promise<KeyCheck> {
    const sent = header?.trim();
    if (!sent) return { refused: 'Send your partner API key in the X-Api-Key header', keyId: null };
    if (!KEY_FORMAT.test(sent)) return { refused: 'This is not a partner API key', keyId: null };
    // the key is what establishes the request's scope, so finding it is not scoped
    // (as SQL: every partner request makes this read, and the query builder cost more than the read; common/raw-read.ts)
    const key = await unscoped(async () => {
      const [found] = await rawEntities(this.ds, PartnerKey, 'k', { where: '`k`.`secretHash` = ?', tail: 'LIMIT 1' }, [hashKey(sent)]);
      return found?.entity ?? null;
    });
    if (!key) return { refused: 'Unknown API key', keyId: null };
    if (key.revokedAt) return { refused: `This API key was revoked on ${todayInChina(key.revokedAt)}`, keyId: key.id };
    return { key };
  }

  /** One access-log row (its own statement, outside any transaction: a failed request is logged too). */
  async logAccess(row: { keyId: number | null; operationName: string | null; queries: string[]; companies: string[]; outcome: string; requestId: string }): Promise<void> {
    await this.ds.getRepository(PartnerAccess).insert({
      keyId: row.keyId,
      operationName: row.operationName?.slice(0, 100) ?? null,
      queries: row.queries.join(',').slice(0, 500) || '-',
      companiesJson: JSON.stringify([...new Set(row.companies)].sort()),
      outcome: row.outcome.slice(0, 40),
      requestId: row.requestId.slice(0, 64),
    });
  }

  protected applyFilter(qb: SelectQueryBuilder<PartnerKey>, filter: PartnerKeyFilter): void {
    const { active, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (active === true) qb.andWhere('e.revokedAt IS NULL');
    if (active === false) qb.andWhere('e.revokedAt IS NOT NULL');
  }
}

/** 访问记录: read-only; rows are written by the partner endpoint, never through this service. */
export class PartnerAccessService extends CrudService<PartnerAccess, PartnerAccessFilter> {
  protected applyFilter(qb: SelectQueryBuilder<PartnerAccess>, filter: PartnerAccessFilter): void {
    const { keyId, uscc, outcome, from, to, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (keyId) qb.andWhere('e.keyId = :keyId', { keyId: toId(keyId, 'filter.keyId') });
    if (uscc?.trim()) qb.andWhere("e.companiesJson LIKE :uscc ESCAPE '!'", { uscc: likePattern(`"${uscc.trim().toUpperCase()}"`, 'filter.uscc') });
    if (outcome) qb.andWhere('e.outcome = :outcome', { outcome });
    if (from) qb.andWhere('e.createdAt >= :from', { from: chinaDayStart(from) });
    if (to) qb.andWhere('e.createdAt < :to', { to: chinaDayStart(addDays(to, 1)) });
  }
}
