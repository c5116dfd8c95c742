import 'reflect-metadata';
import { In, Like, type DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/context';
import { addDays, todayInChina } from '../common/dates';
import { disclosureDueOn, latestDueQuarter } from '../modules/public-revenue/public-revenue.rules';
import { random } from '../common/random';
import { createDataSource } from '../config/data-source';
import { loadConfig, readEnvFile } from '../config/env';
import { JurisdictionLevel } from '../modules/organization/enums';
import { Jurisdiction } from '../modules/organization/jurisdiction.entity';
import { Unit } from '../modules/organization/unit.entity';
import { CommitteeRole, PoliticalStatus } from '../modules/owners-committee/committee.enums';
import { CommitteeKind } from '../modules/owners-committee/owners-committee.entity';
import { SeedRecord } from '../modules/seed/seed-record.entity';
import { Complaint, ComplaintStep } from '../modules/complaint/complaint.entity';
import { ComplaintCategory, ComplaintChannel, ComplaintStatus } from '../modules/complaint/complaint.enums';
import { Notification } from '../modules/notification/notification.entity';
import { PracticalMatter, PracticalMatterStep } from '../modules/practical-matter/practical-matter.entity';
import { PracticalMatterCategory, PracticalMatterKind, PracticalMatterStatus } from '../modules/practical-matter/practical-matter.enums';
import { createServices } from '../services';
import type { Services } from '../common/context';
import { generateCity } from './city/city';
import type { CityStyle, Part, Row } from './city/model';
import { readBase, TABLES, writeParts } from './city/write';

/*
 * `npm run seed:demo`: a small living city over the seeded streets (青阳街道, 宝盖镇), so a fresh
 * database shows the console working. Never in seeds/ (which holds the documents as printed).
 *
 * One generator with the benchmark (issue 18): the city generator (scripts/city/) at a small scale,
 * grown only into the seeded streets — property companies registered in their counties, compounds in
 * their communities, twelve published quarters of star ratings with the black list's rectifications,
 * each street office's task list (key works, tasks, milestones, assignments to its units and
 * communities, progress reports) and working group (posts, holders, a few successions) — written by
 * its writer in bulk, one transaction a part. Then each compound's ledger, written through the
 * services as the system so every rule holds and every record has its audit event: committees and
 * members, party organisations, disclosures and audits, evaluations, complaints and practical matters
 * moved along their workflows.
 *
 * Made with a fixed random seed, so every run makes the same set; dates are placed relative to the
 * day it is made (today), so the set looks current whenever it is made. Labelled three ways: every
 * name starts with 演示, notes and addresses say 演示数据, and every row is listed in seed_record under
 * a key starting "demo:" (with an audit event per bulk part). A second run finds the set and leaves it;
 * `npm run seed:demo -- --remove` deletes it, and only it.
 */

/** The generator moved to common/random.ts (the benchmark city uses it too); re-exported for old imports. */
export { random };

export const DEMO_PREFIX = '演示';
export const DEMO_STYLE: CityStyle = { prefix: DEMO_PREFIX, tag: '演示数据', usccStem: '91350500MA2DEM' };
/** The city generator's scale for the demo: ~80 compounds, 8 companies, 160 tasks, 18 seats a street. */
export const DEMO_SCALE = 0.008;
const DEMO_KEY = 'demo:';
const DONE_KEY = 'demo:done';
const SEED = 20241107;
const STREETS = ['青阳街道', '宝盖镇'];

/** The generator's parts as the console's history names them. */
const PART_NAMES: Record<string, string> = { organisation: '物业企业与小区', ratings: '评星与红黑榜', tasks: '任务清单与进度', 'working groups': '工作专班' };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '吴', '林', '蔡', '许', '郑', '洪', '施', '苏'];
const GIVEN = ['华', '明', '芳', '强', '丽', '军', '红', '平', '建', '玲'];

interface Ctx {
  ds: DataSource;
  services: Services;
  rnd: () => number;
  made: Array<{ key: string; type: string; id: number }>;
  /** The day it is made, and its year. */
  today: string;
  year: number;
}

const pick = <T>(c: Ctx, xs: readonly T[]): T => xs[Math.floor(c.rnd() * xs.length)];
const between = (c: Ctx, lo: number, hi: number) => lo + Math.floor(c.rnd() * (hi - lo + 1));
const pad = (n: number) => String(n).padStart(2, '0');
const addYears = (day: string, years: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

async function remember(c: Ctx, key: string, type: string, id: number): Promise<void> {
  c.made.push({ key: `${DEMO_KEY}${key}`, type, id });
}

/** A committee with members (the party share follows from them), its surveys and report meeting. */
async function committee(c: Ctx, key: string, compoundId: number): Promise<void> {
  const roll = c.rnd();
  if (roll > 0.78) return; // none formed
  const provisional = roll > 0.62;
  const year = provisional ? c.year - 1 : between(c, c.year - 6, c.year - 1);
  const formedOn = `${year}-${pad(between(c, 1, 12))}-${pad(between(c, 1, 28))}`;
  const made = await c.services.ownersCommittee.create(
    {
      compoundId,
      kind: provisional ? CommitteeKind.PROVISIONAL : CommitteeKind.ELECTED,
      formedOn,
      termEndsOn: provisional ? null : addYears(formedOn, 5),
      filedOn: provisional ? null : formedOn,
    },
    SYSTEM_ACTOR,
  );
  await remember(c, `${key}:committee`, 'OwnersCommittee', made.id);
  const size = provisional ? between(c, 3, 5) : pick(c, [5, 7, 7, 9]);
  const partyShare = 0.3 + c.rnd() * 0.5;
  for (let i = 0; i < size; i++) {
    const role = i === 0 ? CommitteeRole.DIRECTOR : i === 1 ? CommitteeRole.DEPUTY_DIRECTOR : CommitteeRole.MEMBER;
    const party = i < Math.round(size * partyShare);
    const member = await c.services.committeeMember.create(
      {
        committeeId: made.id,
        name: `${pick(c, SURNAMES)}某${pick(c, GIVEN)}`,
        role,
        politicalStatus: party ? PoliticalStatus.CPC_MEMBER : pick(c, [PoliticalStatus.MASSES, PoliticalStatus.MASSES, PoliticalStatus.NON_PARTY, PoliticalStatus.LEAGUE_MEMBER]),
        building: `${between(c, 1, 20)}号楼`,
        phone: `1380000${String(between(c, 0, 9999)).padStart(4, '0')}`,
        contactPublic: c.rnd() < 0.5,
        pledge: '演示数据：依法履职，接受业主监督',
      },
      SYSTEM_ACTOR,
    );
    await remember(c, `${key}:member:${i}`, 'CommitteeMember', member.id);
  }
  if (provisional) return;
  // the last two halves over by today, surveyed in their last month
  const halves: Array<[number, number]> =
    Number(c.today.slice(5, 7)) >= 7
      ? [
          [c.year - 1, 2],
          [c.year, 1],
        ]
      : [
          [c.year - 1, 1],
          [c.year - 1, 2],
        ];
  for (const [y, half] of halves) {
    const on = `${y}-${half === 1 ? '06' : '12'}-15`;
    if (on < formedOn) continue;
    const rate = Math.round((35 + c.rnd() * 60) * 10) / 10;
    const survey = await c.services.committeeSurvey.create({ committeeId: made.id, year: y, half, surveyedOn: on, satisfactionRate: rate, respondents: between(c, 40, 300) }, SYSTEM_ACTOR);
    await remember(c, `${key}:survey:${y}${half}`, 'CommitteeSurvey', survey.id);
  }
  const last = c.year - 1;
  if (formedOn <= `${last}-12-01`) {
    const meeting = await c.services.reportMeeting.create(
      { committeeId: made.id, year: last, heldOn: `${last}-12-20`, invitationPostedOn: c.rnd() < 0.8 ? `${last}-12-10` : `${last}-12-16`, issues: '演示数据：停车管理；电梯维保' },
      SYSTEM_ACTOR,
    );
    await remember(c, `${key}:meeting:${last}`, 'CommitteeReportMeeting', meeting.id);
  }
}

/** Disclosures of the last four quarters due, mostly on time, some late or missing; an audit of the year before last for some. */
async function revenue(c: Ctx, key: string, compoundId: number): Promise<void> {
  const habit = c.rnd(); // how reliably this compound posts
  let { year, quarter } = latestDueQuarter(c.today);
  const quarters: Array<[number, number]> = [];
  for (let k = 0; k < 4; k++) {
    quarters.unshift([year, quarter]);
    ({ year, quarter } = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 });
  }
  for (const [y, q] of quarters) {
    const roll = c.rnd();
    if (roll > habit + 0.2) continue; // not posted
    const due = disclosureDueOn(y, q);
    const onTime = `${due.slice(0, 8)}${pad(between(c, 5, 28))}`;
    const late = addDays(due, between(c, 3, 20));
    const on = roll < habit * 0.8 ? onTime : late < c.today ? late : c.today;
    const d = await c.services.revenueDisclosure.create(
      { compoundId, year: y, quarter: q, disclosedOn: on, evidence: '演示数据：小区公示栏', summary: '演示数据：停车、广告收益及支出' },
      SYSTEM_ACTOR,
    );
    await remember(c, `${key}:disclosure:${y}Q${q}`, 'RevenueDisclosure', d.id);
  }
  if (c.rnd() < 0.4) {
    const audited = c.year - 2;
    const a = await c.services.revenueAudit.create(
      { compoundId, year: audited, auditor: '演示会计师事务所', auditedOn: `${audited + 1}-0${between(c, 2, 6)}-15`, outcome: pick(c, ['NO_ISSUES', 'NO_ISSUES', 'ISSUES_FOUND', 'ISSUES_RECTIFIED']) },
      SYSTEM_ACTOR,
    );
    await remember(c, `${key}:audit:${audited}`, 'RevenueAudit', a.id);
  }
}

/** The last half's evaluation of a compound's property service; a few over 50% dissatisfaction (an interview due). */
async function evaluation(c: Ctx, key: string, compoundId: number, unitId: number | undefined): Promise<void> {
  if (!unitId || c.rnd() > 0.7) return;
  const [year, half] = Number(c.today.slice(5, 7)) >= 7 ? [c.year, 1] : [c.year - 1, 2];
  const rate = Math.round(c.rnd() * 700) / 10;
  const e = await c.services.serviceEvaluation.create(
    {
      compoundId,
      responsibleUnitId: unitId,
      year,
      half,
      evaluatedOn: `${year}-${half === 1 ? '06' : '12'}-${pad(between(c, 10, 28))}`,
      dissatisfactionRate: rate,
      result: rate > 50 || c.rnd() < 0.08 ? 'FAIL' : 'PASS',
      satisfactionScore: 100 - rate,
      complianceScore: between(c, 60, 98),
      civilisedCityScore: between(c, 60, 98),
      sanitationScore: between(c, 55, 98),
      hotlineScore: between(c, 60, 98),
    },
    SYSTEM_ACTOR,
  );
  await remember(c, `${key}:evaluation:${year}${half}`, 'ServiceEvaluation', e.id);
}

const COMPLAINTS: ReadonlyArray<[ComplaintCategory, string]> = [
  [ComplaintCategory.ELEVATOR, '电梯频繁故障停运'],
  [ComplaintCategory.PARKING, '小区车辆乱停占用消防通道'],
  [ComplaintCategory.EBIKE, '楼道电动车充电存在隐患'],
  [ComplaintCategory.CLEANING, '垃圾清运不及时'],
  [ComplaintCategory.DRAINAGE, '下水道堵塞返水'],
  [ComplaintCategory.LIGHTING, '路灯损坏夜间无照明'],
  [ComplaintCategory.FEES, '物业费收费标准不公开'],
  [ComplaintCategory.SECURITY, '门岗无人值守'],
  [ComplaintCategory.PUBLIC_REVENUE, '公共收益未公示'],
];
const CHANNELS = [ComplaintChannel.HOTLINE_12345, ComplaintChannel.HOTLINE_12345, ComplaintChannel.GRID, ComplaintChannel.PETITION, ComplaintChannel.PHONE];

/** Moves a demo ticket as the system, on the day given (the workflow's rules and audit hold). */
async function moveTicket<S extends string>(
  c: Ctx,
  wf: { move: (...a: never[]) => Promise<unknown> },
  entity: new () => { id: number },
  id: number,
  to: S,
  date: string,
  fields: Record<string, string> = {},
): Promise<void> {
  await c.ds.transaction(async (em) => {
    const row = await em.findOneByOrFail(entity, { id } as never);
    await (wf.move as (...a: unknown[]) => Promise<unknown>)(em, SYSTEM_ACTOR, row, to, { system: true, date, fields, reason: to === 'CLOSED' && fields.reject ? fields.reject : null });
  });
}

/**
 * 投诉 of a compound, last year and this year to date (fewer this year in most compounds, as 004 wants):
 * most simple ones handled the same day, some a day or more late, a few complex ones open past their limit.
 */
async function complaints(c: Ctx, key: string, compoundId: number, unitId: number | undefined): Promise<void> {
  const yearDay = (year: number, upTo: string) => {
    const start = Date.parse(`${year}-01-01T00:00:00Z`);
    const end = Math.min(Date.parse(`${upTo}T00:00:00Z`), Date.parse(`${year}-12-31T00:00:00Z`));
    return new Date(start + Math.floor(c.rnd() * ((end - start) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
  };
  const wf = c.services.complaint.workflow;
  for (const [year, count] of [
    [c.year - 1, between(c, 0, 5)],
    [c.year, between(c, 0, 4)],
  ] as const) {
    for (let n = 0; n < count; n++) {
      const receivedOn = yearDay(year, c.today);
      const complex = c.rnd() < 0.25;
      const [category, summary] = pick(c, COMPLAINTS);
      const made = await c.services.complaint.create(
        { compoundId, channel: pick(c, CHANNELS), category, summary: `演示数据：${summary}`, receivedOn, timeLimitDays: complex ? pick(c, [5, 15, 30]) : 0, assignedUnitId: unitId ?? null },
        SYSTEM_ACTOR,
      );
      await remember(c, `${key}:complaint:${year}:${n}`, 'Complaint', made.id);
      const roll = c.rnd();
      const late = roll < 0.15 ? between(c, 1, 6) : 0;
      const handledOn = addDays(made.dueOn, late - (complex ? between(c, 0, made.timeLimitDays) : 0));
      // a few still open; the rest handled (on time or late), most of those closed after the follow-up
      if (!unitId || roll > 0.9 || handledOn > c.today) continue;
      const on = handledOn < receivedOn ? receivedOn : handledOn;
      await moveTicket(c, wf as never, Complaint, made.id, ComplaintStatus.ASSIGNED, receivedOn);
      await moveTicket(c, wf as never, Complaint, made.id, ComplaintStatus.HANDLED, on, { result: '演示数据：已现场处置并回复' });
      const closeOn = addDays(on, between(c, 1, 7));
      if (closeOn <= c.today && c.rnd() < 0.8) await moveTicket(c, wf as never, Complaint, made.id, ComplaintStatus.CLOSED, closeOn);
    }
  }
}

/** 实事: a 微实事 this year in about two compounds of three (004 二(十)), and now and then one of the ten matters (003 §2). */
async function practicalMatters(c: Ctx, key: string, compoundId: number, unitId: number | undefined): Promise<void> {
  const wf = c.services.practicalMatter.workflow;
  const items: Array<[PracticalMatterKind, PracticalMatterCategory, string]> = [];
  if (c.rnd() < 0.65)
    items.push([
      PracticalMatterKind.MICRO_PROJECT,
      pick(c, [PracticalMatterCategory.ROAD, PracticalMatterCategory.GREENERY, PracticalMatterCategory.LIGHTING, PracticalMatterCategory.OTHER]),
      '演示数据：小区微景观改造',
    ]);
  if (c.rnd() < 0.3)
    items.push([PracticalMatterKind.TEN_MATTERS, pick(c, [PracticalMatterCategory.EBIKE, PracticalMatterCategory.PARKING, PracticalMatterCategory.ELEVATOR]), '演示数据：问题清单整改']);
  for (const [n, [kind, category, title]] of items.entries()) {
    const openedOn = `${c.year}-${pad(between(c, 1, Math.max(1, Number(c.today.slice(5, 7)) - 1)))}-${pad(between(c, 1, 28))}`;
    if (openedOn > c.today) continue;
    const made = await c.services.practicalMatter.create({ compoundId, kind, category, title, openedOn, ownerUnitId: unitId ?? null }, SYSTEM_ACTOR);
    await remember(c, `${key}:matter:${n}`, 'PracticalMatter', made.id);
    const closeOn = addDays(openedOn, between(c, 20, 90));
    if (closeOn <= c.today && c.rnd() < 0.6) await moveTicket(c, wf as never, PracticalMatter, made.id, PracticalMatterStatus.CLOSED, closeOn, { evidence: '演示数据：完工照片与验收记录' });
  }
}

async function partyOrganization(c: Ctx, key: string, compoundId: number, name: string): Promise<void> {
  if (c.rnd() > 0.6) return;
  // formal members from the compound's id (no draw from the random sequence, so the rest of the set stays as it was)
  const formalMemberCount = 1 + (compoundId % 6);
  const form = formalMemberCount >= 3 ? 'SINGLE' : 'JOINT';
  const org = await c.services.partyOrganization.create({ compoundId, form, formalMemberCount, name: `${name}党支部`, formedOn: `${between(c, c.year - 7, c.year - 2)}-07-01` }, SYSTEM_ACTOR);
  await remember(c, `${key}:party`, 'PartyOrganization', org.id);
}

/** Why a demo set cannot be made here, or null: the streets are missing, or an earlier run did not finish. */
async function refusal(ds: DataSource): Promise<string | null> {
  const streets = await ds.getRepository(Jurisdiction).findBy({ name: In(STREETS), level: JurisdictionLevel.TOWNSHIP });
  if (streets.length !== STREETS.length) return `${STREETS.join(' and ')} are not in the database: start the server once (it loads the seeds) or run npm run seed`;
  if (await ds.getRepository(SeedRecord).exists({ where: { key: Like(`${DEMO_KEY}%`) } }))
    return 'An earlier npm run seed:demo did not finish: remove what it made with npm run seed:demo -- --remove, then run it again';
  return null;
}

/** `demo:<table>:<id>` for every row of a part, and the part's audit event, written in the part's own transaction. */
function recorded(part: Part): Part {
  const appliedAt = new Date().toISOString().slice(0, 23).replace('T', ' ');
  const records: Row[] = part.tables.flatMap(({ table, rows }) => rows.map((r) => ({ key: `${DEMO_KEY}${table}:${r.id}`, entityType: table, entityId: r.id, appliedAt })));
  return { ...part, tables: [...part.tables, { table: 'seed_record', rows: records }] };
}

export async function createDemoData(ds: DataSource, services: Services, options: { today?: string } = {}): Promise<{ compounds: number; records: number; rows: Record<string, number> } | null> {
  if (await ds.getRepository(SeedRecord).findOneBy({ key: DONE_KEY })) return null;
  const why = await refusal(ds);
  if (why) throw new Error(why);
  const today = options.today ?? todayInChina();
  const c: Ctx = { ds, services, rnd: random(SEED), made: [], today, year: Number(today.slice(0, 4)) };

  // the city generator over the seeded streets, written in bulk (one transaction a part, with its records)
  const city = generateCity(await readBase(ds), { scale: DEMO_SCALE, seed: SEED, style: DEMO_STYLE, today, streets: STREETS });
  const qr = ds.createQueryRunner();
  await qr.connect();
  let rows: Record<string, number>;
  try {
    rows = await writeParts(qr, city.parts.map(recorded), {
      today,
      sqlite: ds.options.type === 'better-sqlite3',
      within: async (em, part) => {
        const counts = Object.fromEntries(part.tables.filter((t) => t.table !== 'seed_record').map((t) => [t.table, t.rows.length]));
        const records = Object.values(counts).reduce((n, k) => n + k, 0);
        await services.audit.record(em, SYSTEM_ACTOR, {
          action: 'DEMO',
          entityType: 'Demo',
          entityId: part.name,
          after: { name: PART_NAMES[part.name] ?? part.name, records, rows: counts },
          jurisdictionId: null,
        });
      },
    });
  } finally {
    await qr.release();
  }

  // each compound's ledger through the services
  const { org } = city;
  const compounds = city.parts[0].tables.find((t) => t.table === 'compound')!.rows as Array<{ id: number; name: string; communityId: number; propertyCompanyId: number | null }>;
  const streetOf = new Map(org.communities.map((j) => [j.id, j.parentId!]));
  // the street's unit that evaluates property service (基层治理服务中心 where there is one, else its first office)
  const evaluators = new Map<number, number>();
  for (const street of org.townships) {
    const units = await ds.getRepository(Unit).find({ where: { jurisdictionId: street.id }, order: { id: 'ASC' } });
    const unit = units.find((u) => u.name.includes('基层治理服务中心')) ?? units[0];
    if (unit) evaluators.set(street.id, unit.id);
  }
  // a community's own office (its 居委会) handles its complaints and matters, where there is one
  const communityUnits = new Map<number, number>();
  for (const u of await ds.getRepository(Unit).find({ where: { jurisdictionId: In(org.communities.map((j) => j.id)) }, order: { id: 'ASC' } }))
    if (!communityUnits.has(u.jurisdictionId)) communityUnits.set(u.jurisdictionId, u.id);
  // what was made is listed as soon as each compound's ledger is written, so a run stopped half-way leaves nothing --remove cannot find
  let listed = 0;
  const flush = async () => {
    const records = c.made.splice(0).map((r) => ({ key: r.key, entityType: r.type, entityId: r.id }));
    for (let i = 0; i < records.length; i += 200) await ds.getRepository(SeedRecord).insert(records.slice(i, i + 200));
    listed += records.length;
  };
  try {
    for (const compound of compounds) {
      const key = `compound:${compound.id}`;
      const street = streetOf.get(compound.communityId)!;
      const handler = communityUnits.get(compound.communityId) ?? evaluators.get(street);
      await committee(c, key, compound.id);
      await partyOrganization(c, key, compound.id, compound.name);
      await revenue(c, key, compound.id);
      if (compound.propertyCompanyId) await evaluation(c, key, compound.id, evaluators.get(street));
      await complaints(c, key, compound.id, handler);
      await practicalMatters(c, key, compound.id, handler);
      await flush();
    }
  } finally {
    await flush();
  }
  await ds.getRepository(SeedRecord).insert({ key: DONE_KEY, entityType: 'Demo', entityId: 0 });
  const bulk = Object.entries(rows).reduce((n, [table, k]) => (table === 'seed_record' ? n : n + k), 0);
  return { compounds: compounds.length, records: bulk + listed, rows };
}

/** The generator's tables, children before parents: the order their rows are deleted in. */
const BULK_ORDER = [...TABLES].reverse().filter((t) => t !== 'seed_record' && t !== 'app_user');

/**
 * Deletes the demo set: the records listed under demo: keys. The tickets first (their
 * compounds may not go while they are there) with their steps and the notifications they sent, then
 * the ledger's records, then the generator's rows children first, with the notifications about demo
 * assignments (the daily reminders). All in one transaction. What was typed since onto a demo record
 * goes with it where the foreign key cascades (a progress report or an urging on a demo task, a
 * committee typed onto a demo compound); a key that sets null is set null (a record citing a demo
 * document); where it restricts (a compound typed by hand that names a demo company, a complaint on a
 * demo compound) nothing is deleted and the error says so. The audit events stay (they never change).
 */
export async function removeDemoData(ds: DataSource): Promise<number> {
  const records = await ds.getRepository(SeedRecord).findBy({ key: Like(`${DEMO_KEY}%`) });
  const ids = (type: string) => records.filter((r) => r.entityType === type).map((r) => r.entityId);
  const chunks = <T>(xs: T[]) => Array.from({ length: Math.ceil(xs.length / 500) }, (_, i) => xs.slice(i * 500, i * 500 + 500));
  await ds
    .transaction(async (em) => {
      for (const [entity, step, owner, type] of [
        [Complaint, ComplaintStep, 'complaintId', 'Complaint'],
        [PracticalMatter, PracticalMatterStep, 'practicalMatterId', 'PracticalMatter'],
      ] as const) {
        for (const part of chunks(ids(type))) {
          await em.delete(Notification, { entityType: type, entityId: In(part.map(String)) });
          await em.delete(step, { [owner]: In(part) });
          await em.delete(entity, { id: In(part) });
        }
      }
      for (const part of chunks(ids('assignment'))) await em.delete(Notification, { entityType: 'Assignment', entityId: In(part.map(String)) });
      // the ledger's records hang on compounds (deleted with them, children first by the foreign keys' ON DELETE CASCADE) …
      // … and the generator's rows go children first, by table
      const inList = (part: number[]) => `id IN (${part.map(Number).join(', ')})`;
      // a working group's office goes before its group (RESTRICT on the parent)
      for (const part of chunks(ids('working_group'))) await em.query(`DELETE FROM working_group WHERE parentId IS NOT NULL AND ${inList(part)}`);
      for (const table of BULK_ORDER) for (const part of chunks(ids(table))) await em.query(`DELETE FROM \`${table}\` WHERE ${inList(part)}`);
      await em.delete(SeedRecord, { key: Like(`${DEMO_KEY}%`) });
    })
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (!/foreign key/i.test(message)) throw err;
      throw new Error(`Nothing was removed: a record entered since the demo data was made refers to it (${message}). Remove it, or point it elsewhere, and run this again.`);
    });
  return ids('compound').length;
}

async function main(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  const ds = await createDataSource(config.database);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    if (process.argv.includes('--remove')) {
      console.log(`Removed the demo data (${await removeDemoData(ds)} compounds and their records).`);
      return;
    }
    const made = await createDemoData(ds, createServices(ds, config));
    console.log(
      made
        ? `Demo data made: ${made.compounds} compounds in ${STREETS.join(' and ')} (${made.records} records, names starting with ${DEMO_PREFIX}): ${Object.entries(made.rows)
            .filter(([t]) => t !== 'seed_record')
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}. Remove with npm run seed:demo -- --remove.`
        : 'Demo data is already there: left as it is (npm run seed:demo -- --remove deletes it).',
    );
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
