/*
 * The baseline's partner operations (P1/P1b redBlackList with stars history, P2 companyStanding), hand-written:
 * one page query, then one IN (…) query per nesting level, answering what api/src/modules/partner answers.
 */
import type { Pool } from 'mysql2/promise';
import { Refusal } from './errors';
import { groupBy, q, todayInChina } from './sql';

interface Edition {
  pubId: number;
  periodId: number;
  revision: number;
  publishedOn: string;
  code: string;
  startDate: string;
  schemeId: number;
}

interface Entry {
  id: number;
  publicationId: number;
  propertyCompanyId: number | null;
  subjectName: string;
  uscc: string | null;
  rank: number;
  stars: number;
  listStatus: string;
  reasonsJson: string;
}

const cursor = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

function offsetAfter(after: unknown): number {
  if (after == null) return 0;
  const m = /^o:(0|[1-9][0-9]{0,8})$/.exec(Buffer.from(String(after), 'base64url').toString('utf8'));
  if (!m) throw new Refusal('BAD_USER_INPUT', 'after is not a cursor from this API', 'UNISSUED_CURSOR');
  return Number(m[1]) + 1;
}

/** Per period, the newest revision published on or before `day`; newest period first (the API's inForce). */
async function inForce(pool: Pool, day: string): Promise<Edition[]> {
  const all = await q<Edition>(
    pool,
    `SELECT p.id AS pubId, p.periodId, p.revision, p.publishedOn, rp.code, rp.startDate, rp.schemeId
       FROM rating_publication p JOIN rating_period rp ON rp.id = p.periodId JOIN rating_scheme s ON s.id = rp.schemeId AND s.subjectKind = 'PROPERTY_COMPANY'
      WHERE p.publishedOn <= ? ORDER BY p.publishedOn DESC, p.id DESC`,
    [day],
  );
  const seen = new Set<number>();
  const out = all.filter((e) => (seen.has(e.periodId) ? false : (seen.add(e.periodId), true)));
  return out.sort((a, b) => b.startDate.localeCompare(a.startDate) || a.schemeId - b.schemeId);
}

/** Each company's entries in the editions in force, newest period first. */
async function histories(pool: Pool, companyIds: number[], editions: Edition[]): Promise<Map<string, Array<{ entry: Entry; edition: Edition }>>> {
  if (!companyIds.length || !editions.length) return new Map();
  const byPub = new Map(editions.map((e, i) => [e.pubId, { e, i }]));
  const entries = await q<Entry>(
    pool,
    `SELECT id, publicationId, propertyCompanyId, subjectName, uscc, \`rank\`, stars, listStatus, reasonsJson FROM published_entry
      WHERE propertyCompanyId IN (${[...new Set(companyIds)].join(', ')}) AND publicationId IN (${[...byPub.keys()].join(', ')})`,
  );
  entries.sort((a, b) => byPub.get(a.publicationId)!.i - byPub.get(b.publicationId)!.i);
  return groupBy(
    entries.map((entry) => ({ entry, edition: byPub.get(entry.publicationId)!.e })),
    (r) => r.entry.propertyCompanyId,
  );
}

const rating = (h: { entry: Entry; edition: Edition }) => ({ period: { code: h.edition.code }, stars: h.entry.stars, listStatus: h.entry.listStatus });

/** P1 / P1b. `looked` collects the credit codes the answer shows (the access log's companies). */
export async function redBlackList(pool: Pool, v: Record<string, unknown>, looked: Set<string>): Promise<unknown> {
  const first = Number(v.first ?? 20);
  if (!Number.isInteger(first) || first < 1 || first > 100) throw new Refusal('BAD_USER_INPUT', 'first must be between 1 and 100', 'OUT_OF_RANGE');
  const offset = offsetAfter(v.after);
  const code = String(v.period).trim();
  const periods = await q<{ id: number }>(pool, "SELECT rp.id FROM rating_period rp JOIN rating_scheme s ON s.id = rp.schemeId AND s.subjectKind = 'PROPERTY_COMPANY' WHERE rp.code = ?", [code]);
  if (periods.length !== 1) throw new Refusal('NOT_FOUND', `No published list for period ${code}`, 'NOT_PUBLISHED');
  const pubs = await q<{ id: number; revision: number; publishedOn: string }>(pool, 'SELECT id, revision, publishedOn FROM rating_publication WHERE periodId = ? ORDER BY revision DESC', [
    periods[0].id,
  ]);
  const revision = v.revision == null ? null : Number(v.revision);
  const pub = revision === null ? pubs[0] : pubs.find((p) => p.revision === revision);
  if (!pub) throw new Refusal('NOT_FOUND', `Period ${code} has not been published`, 'NOT_PUBLISHED');
  const statuses = Array.isArray(v.status) && v.status.length ? (v.status as string[]) : ['RED', 'BLACK'];
  const marks = statuses.map(() => '?').join(', ');
  const [[{ n }], rows] = await Promise.all([
    q<{ n: number }>(pool, `SELECT COUNT(*) AS n FROM published_entry WHERE publicationId = ? AND listStatus IN (${marks})`, [pub.id, ...statuses]),
    q<Entry>(
      pool,
      `SELECT id, publicationId, propertyCompanyId, subjectName, uscc, \`rank\`, stars, listStatus, reasonsJson FROM published_entry
        WHERE publicationId = ? AND listStatus IN (${marks}) ORDER BY \`rank\`, id LIMIT ? OFFSET ?`,
      [pub.id, ...statuses, first, offset],
    ),
  ]);
  const total = Number(n);
  const companyIds = rows.map((r) => r.propertyCompanyId).filter((c): c is number => c != null);
  const history = companyIds.length ? await histories(pool, companyIds, await inForce(pool, todayInChina())) : new Map();
  const edges = rows.map((e, i) => {
    if (e.uscc) looked.add(e.uscc);
    return {
      cursor: cursor(offset + i),
      node: {
        rank: e.rank,
        stars: e.stars,
        listStatus: e.listStatus,
        reasons: JSON.parse(e.reasonsJson) as string[],
        company: { uscc: e.uscc ?? '', name: e.subjectName, starsHistory: (history.get(String(e.propertyCompanyId)) ?? []).map(rating) },
      },
    };
  });
  return {
    redBlackList: {
      totalCount: total,
      edition: { revision: pub.revision, publishedOn: pub.publishedOn, latest: pub.revision === pubs[0].revision },
      edges,
      pageInfo: { hasNextPage: offset + rows.length < total, endCursor: edges.at(-1)?.cursor ?? null },
    },
  };
}

const PENDING: Record<string, string> = { SUBMITTED: '整改已提交，尚未验收', INTERVIEWED: '已约谈，整改尚未验收' };

/** P2. */
export async function companyStanding(pool: Pool, v: Record<string, unknown>, looked: Set<string>): Promise<unknown> {
  const uscc = String(v.uscc).trim().toUpperCase();
  const today = todayInChina();
  const day = v.asOf == null ? today : String(v.asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Refusal('BAD_USER_INPUT', 'asOf must be a date YYYY-MM-DD', 'BAD_DATE');
  if (day > today) throw new Refusal('BAD_USER_INPUT', `asOf ${day} is in the future: standings are known up to today (${today})`, 'FUTURE_DATE');
  looked.add(uscc);
  const [company] = await q<{ id: number; uscc: string; name: string }>(pool, 'SELECT id, uscc, name FROM property_company WHERE uscc = ?', [uscc]);
  if (!company) return { companyStanding: null };
  const editions = await inForce(pool, day);
  const history = (await histories(pool, [company.id], editions)).get(String(company.id)) ?? [];
  const black = history.filter((h) => h.entry.listStatus === 'BLACK');
  const bars: unknown[] = [];
  if (black.length) {
    const rects = await q<{ id: number; periodId: number }>(pool, 'SELECT id, periodId FROM rectification WHERE propertyCompanyId = ?', [company.id]);
    const steps = rects.length
      ? await q<{ rectificationId: number; fromStatus: string | null; toStatus: string; stepDate: string }>(
          pool,
          `SELECT rectificationId, fromStatus, toStatus, stepDate FROM rectification_step WHERE rectificationId IN (${rects.map((r) => r.id).join(', ')}) ORDER BY stepDate, id`,
        )
      : [];
    const stepsOf = groupBy(steps, (s) => s.rectificationId);
    for (const h of black) {
      const rect = rects.find((r) => r.periodId === h.edition.periodId);
      const past = (rect ? (stepsOf.get(String(rect.id)) ?? []) : []).filter((s) => s.stepDate <= day);
      const status = past.at(-1)?.toStatus ?? 'REQUIRED';
      if (status === 'ACCEPTED') continue;
      const listed = past.findLastIndex((s) => s.toStatus === 'REQUIRED');
      const shown = status === 'CANCELLED' ? 'REQUIRED' : status;
      bars.push({
        reason: `列入${h.edition.code}黑榜（第${h.edition.revision}版，${h.edition.publishedOn}公布），${PENDING[shown] ?? '尚未约谈，整改尚未验收'}`,
        since: listed >= 0 ? past[listed].stepDate : h.edition.publishedOn,
        interviewRequired: shown === 'REQUIRED',
        rectificationStatus: shown,
        edition: { period: { code: h.edition.code }, revision: h.edition.revision, publishedOn: h.edition.publishedOn },
      });
    }
  }
  return {
    companyStanding: {
      asOf: day,
      company: { uscc: company.uscc, name: company.name },
      barredFromBidding: bars.length > 0,
      bars,
      listStatus: history[0]?.entry.listStatus ?? null,
      starsHistory: history.map(rating),
    },
  };
}
