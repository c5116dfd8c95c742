/*
 * M1, a payout submit → approve pair: a programme of the benchmark's county with a budget no approval
 * exceeds, an award case per compound of the county and a draft payout per case and recipient, split in
 * two pools (one per server, as a payout moves once). Before each measurement a server's pool is put
 * back to draft (its steps deleted): the moves measured are always DRAFT → SUBMITTED → APPROVED.
 * Written with SQL the app accepts (the columns its services write).
 */
import type { Connection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import fs from 'node:fs';
import path from 'node:path';
import { type Comparison, post } from './compare';
import type { Step } from './measure';
import type { Fixture } from './prepare';

export interface PayoutPools {
  programmeId: number;
  ours: number[];
  base: number[];
}

const MAX = Number(process.env.BENCH_M1_PAYOUTS ?? 4000);
const chinaYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

export async function preparePayouts(root: Connection, f: Fixture): Promise<PayoutPools> {
  const name = `基准测试奖励（${f.countyId}）`;
  const year = chinaYear();
  const [found] = await root.query<RowDataPacket[]>('SELECT id FROM incentive_programme WHERE name = ?', [name]);
  let programmeId = Number(found[0]?.id ?? 0);
  if (!programmeId) {
    const [p] = await root.query<ResultSetHeader>("INSERT INTO incentive_programme (name, `trigger`, description, jurisdictionId) VALUES (?, 'DEMONSTRATION_SITE_ACCEPTED', '基准测试数据', ?)", [
      name,
      f.countyId,
    ]);
    programmeId = p.insertId;
    await root.query("INSERT INTO incentive_rule (programmeId, name, validFrom, version) VALUES (?, '基准测试规则', '2020-01-01', 1)", [programmeId]);
  }
  const [[rule]] = await root.query<RowDataPacket[]>('SELECT id, version FROM incentive_rule WHERE programmeId = ? ORDER BY id LIMIT 1', [programmeId]);
  await root.query('DELETE FROM incentive_budget WHERE programmeId = ? AND year = ?', [programmeId, year]);
  await root.query("INSERT INTO incentive_budget (programmeId, year, amountFen, note) VALUES (?, ?, 900000000000000, '基准测试')", [programmeId, year]);
  const [[{ n }]] = await root.query<RowDataPacket[]>('SELECT COUNT(*) AS n FROM payout WHERE programmeId = ?', [programmeId]);
  if (Number(n) === 0) {
    // the compounds of the county (communities under its townships), one case each
    const [compounds] = await root.query<RowDataPacket[]>(
      `SELECT k.id, k.communityId, k.propertyCompanyId FROM compound k JOIN jurisdiction c ON c.id = k.communityId JOIN jurisdiction t ON t.id = c.parentId
        WHERE t.parentId = ? OR c.parentId = ? ORDER BY k.id LIMIT ?`,
      [f.countyId, f.countyId, Math.ceil(MAX / 2)],
    );
    for (const k of compounds) {
      const [c] = await root.query<ResultSetHeader>(
        "INSERT INTO award_case (programmeId, compoundId, propertyCompanyId, communityId, year, status, note) VALUES (?, ?, ?, ?, ?, 'STREET_ACCEPTED', '基准测试')",
        [programmeId, k.id, k.propertyCompanyId, k.communityId, year],
      );
      await root.query(
        `INSERT INTO payout (caseId, programmeId, ruleId, ruleVersion, recipientRole, recipientCompanyId, recipientJurisdictionId, recipientName, amountFen, budgetYear, status, version)
         VALUES (?, ?, ?, ?, 'COMMUNITY', NULL, ?, ?, 2000000, ?, 'DRAFT', 1), (?, ?, ?, ?, 'PROPERTY_COMPANY', ?, NULL, ?, 3000000, ?, 'DRAFT', 1)`,
        [c.insertId, programmeId, rule.id, rule.version, k.communityId, `基准社区${k.communityId}`, year, c.insertId, programmeId, rule.id, rule.version, k.propertyCompanyId, `基准物业${k.id}`, year],
      );
    }
  }
  const [rows] = await root.query<RowDataPacket[]>('SELECT id FROM payout WHERE programmeId = ? ORDER BY id', [programmeId]);
  const ids = rows.map((r) => Number(r.id));
  if (ids.length < 4) throw new Error(`M1 needs compounds in county ${f.countyId} for its payouts; found ${ids.length / 2}`);
  return { programmeId, ours: ids.filter((_, i) => i % 2 === 0), base: ids.filter((_, i) => i % 2 === 1) };
}

/** Puts payouts back to draft: status, version, their steps and notifications. */
async function toDraft(root: Connection, ids: number[]): Promise<void> {
  const list = ids.join(', ');
  await root.query(`DELETE FROM payout_transition WHERE payoutId IN (${list})`);
  await root.query(`DELETE FROM notification WHERE entityType = 'Payout' AND entityId IN (${ids.map((i) => `'${i}'`).join(', ')})`);
  await root.query(`UPDATE payout SET status = 'DRAFT', version = 1 WHERE id IN (${list})`);
}

/** Puts a server's pool back to draft; returns how many pairs it allows. */
export async function resetPayouts(root: Connection, pools: PayoutPools, server: 'ours' | 'base'): Promise<number> {
  await toDraft(root, pools[server]);
  return pools[server].length;
}

const doc = (file: string) => fs.readFileSync(path.join(__dirname, 'operations', `${file}.graphql`), 'utf8');

export function payoutOperation(root: Connection, maker: string, checker: string, pools: PayoutPools) {
  const submit = doc('M1-submit-payout');
  const approve = doc('M1-approve-payout');
  const headers = (token: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}` });
  const body = (query: string, id: number) => JSON.stringify({ query, variables: { id: String(id) } });
  return {
    label: 'payout submit → approve pair (two users)',
    steps(server: 'ours' | 'base'): Step[] {
      let next = 0;
      const pool = pools[server];
      return [
        {
          path: '/graphql',
          headers: headers(maker),
          body: (context) => {
            context.id = pool[next++ % pool.length];
            return body(submit, context.id as number);
          },
        },
        { path: '/graphql', headers: headers(checker), body: (context) => body(approve, context.id as number) },
      ];
    },
    /** The same payouts moved by each server in turn (put back to draft in between), the answers compared. */
    async compare(ours: string, base: string, count = 10): Promise<Comparison> {
      const out: Comparison = { key: 'M1', compared: 0, different: 0 };
      for (const id of pools.ours.slice(0, count)) {
        const answers: string[][] = [];
        for (const url of [ours, base]) {
          await toDraft(root, [id]);
          const a = await post(`${url}/graphql`, headers(maker), body(submit, id));
          const b = await post(`${url}/graphql`, headers(checker), body(approve, id));
          answers.push([a.text, b.text]);
        }
        for (const i of [0, 1]) {
          out.compared++;
          if (answers[0][i] !== answers[1][i] || answers[0][i].includes('"errors"')) {
            out.different++;
            out.example ??= `M1 payout ${id}: ours ${answers[0][i].slice(0, 300)}\n  baseline ${answers[1][i].slice(0, 300)}`;
          }
        }
      }
      await toDraft(root, pools.ours.slice(0, count));
      return out;
    },
  };
}
