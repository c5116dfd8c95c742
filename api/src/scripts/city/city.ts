import { usccCheckChar } from '../../common/uscc';
import { addDays } from '../../common/dates';
import { BENCH_KEY, type BenchUser, type CityBase, type CityOptions, Dice, type Jur, moment, type Organisation, type Part, scaled, settle, type Setting, Table } from './model';
import { ratingsPart } from './ratings';
import { tasksPart } from './tasks';
import { groupsPart } from './groups';

/*
 * The benchmark city (issue 18): a prefecture city 泉州 at the size the issue measures at scale 1
 * (10 counties, 150 townships, 1,500 communities, 10,000 compounds, 1,000 property companies, 12
 * published quarters, 20,000 tasks with 60,000 assignments and 90,000 progress reports, 5,000 working-
 * group seats), grown around what the seeds hold (泉州市 > 晋江市 > 青阳街道, 石狮市 > 宝盖镇).
 * With `streets` (the demo, api/src/scripts/demo-data.ts) it grows only into those seeded townships:
 * no new jurisdiction, unit or user; compounds in their communities, plans and groups for their
 * offices, companies registered in their counties.
 * A pure model: plain rows with their ids from a seeded stream, no database; write.ts writes them.
 * Each part draws from its own stream, so changing one part leaves the others' rows as they were.
 */

const COUNTIES = ['鲤城区', '丰泽区', '洛江区', '泉港区', '南安市', '惠安县', '安溪县', '永春县', '德化县', '金门县'];
const STEMS = ['海滨', '临江', '开元', '鲤中', '浮桥', '金龙', '常泰', '江南', '东海', '城东', '华大', '清源', '北峰', '东园', '泉秀', '螺城', '紫山', '洛阳', '梅山', '官桥'];
const VILLAGES = ['东山', '西湖', '南岭', '北苑', '中和', '新华', '光明', '和平', '福民', '兴业', '仁和', '文昌', '龙泉', '凤池', '玉湖'];
const ESTATES = ['锦绣花园', '阳光公寓', '滨江苑', '御景湾', '桂花里', '新城小区', '翠竹苑', '金色家园', '海岸名都', '世纪广场', '幸福里', '丽景天成', '紫荆苑', '东方名城', '龙湖湾'];
const FIRMS = ['晋安', '鸿盛', '泉安', '国投', '闽南家园', '海丝', '刺桐', '清源山', '东海湾', '温陵', '鲤城', '丰泽', '安平', '五里桥', '开元寺'];
const MODES: Array<[string, number]> = [
  ['PROFESSIONAL', 0.72],
  ['STATE_OWNED', 0.06],
  ['SELF_MANAGED', 0.08],
  ['COMMUNITY_FALLBACK', 0.06],
  ['NONE', 0.08],
];
const COUNTY_DEPARTMENTS = ['委组织部', '住建局', '民政局'];
const TOWNSHIP_OFFICES = ['党建办', '社区发展办', '综合执法队'];

/** The whole city: parts in insertion order, its users, and the organisation for reports. */
export function generateCity(base: CityBase, options: CityOptions): { parts: Part[]; users: BenchUser[]; org: Organisation } {
  const s = settle(options);
  const { part, org } = organisationPart(base, s);
  const parts = [part, ratingsPart(base, s, org), tasksPart(base, s, org), groupsPart(base, s, org)];
  if (!s.streets) {
    const marker = new Table('seed_record', base);
    marker.rows.push({ key: BENCH_KEY, entityType: `BenchCity scale=${s.scale}`, entityId: s.seed, appliedAt: moment(s.today) });
    parts.push({ name: 'marker', tables: [{ table: 'seed_record', rows: marker.rows }] });
  }
  return { parts, users: org.users, org };
}

/** Where the set grows: the whole city to scale (new counties, townships, communities and their units), or only the seeded streets. */
interface Grown {
  all: Jur[];
  city: Jur;
  counties: Jur[];
  townships: Jur[];
  communities: Jur[];
  /** The townships the set made (none with `streets`). */
  newTownships: Jur[];
  unitsOf: Map<number, Array<{ id: number; kind: string }>>;
  tables: Table[];
}

function grow(base: CityBase, s: Setting): Grown {
  const { scale, prefix, label } = s;
  const jurisdictions = new Table('jurisdiction', base);
  const units = new Table('unit', base);
  const all: Jur[] = base.jurisdictions.map((j) => ({ ...j }));
  const city = all.find((j) => j.level === 'CITY' && j.name === '泉州市');
  if (!city) throw new Error('泉州市 is not in the database: the seeds were not loaded');
  const under = (parentId: number, level: string) => all.filter((j) => j.parentId === parentId && j.level === level);
  const unitsOf = new Map<number, Array<{ id: number; kind: string }>>();
  for (const u of base.units) unitsOf.set(u.jurisdictionId, [...(unitsOf.get(u.jurisdictionId) ?? []), { id: u.id, kind: u.kind }]);

  if (s.streets) {
    const townships = s.streets.map((name) => {
      const t = all.find((j) => j.level === 'TOWNSHIP' && j.name === name);
      if (!t) throw new Error(`${name} is not in the database: the seeds were not loaded`);
      return t;
    });
    const counties = [...new Set(townships.map((t) => t.parentId!))].map((id) => all.find((j) => j.id === id)!);
    const communities = townships.flatMap((t) => under(t.id, 'COMMUNITY'));
    if (!communities.length) throw new Error(`${s.streets.join(', ')} have no communities in the database`);
    return { all, city, counties, townships, communities, newTownships: [], unitsOf, tables: [] };
  }

  const add = (name: string, level: string, parentId: number, code: string | null = null): Jur => {
    const j = { id: jurisdictions.add({ name, level, parentId, code, sourceDocumentId: null, sourceClauseId: null }), name, level, parentId };
    all.push(j);
    return j;
  };
  const counties = under(city.id, 'COUNTY');
  for (let i = 0, seeded = counties.length; seeded + i < scaled(10, scale, 3); i++) counties.push(add(label(COUNTIES[i % COUNTIES.length] + (i >= COUNTIES.length ? i : '')), 'COUNTY', city.id));
  const townships = counties.flatMap((c) => under(c.id, 'TOWNSHIP'));
  const seededTownships = townships.length;
  for (let i = seededTownships; i < scaled(150, scale, counties.length + 1); i++) {
    const county = counties[i % counties.length];
    townships.push(add(`${prefix}${STEMS[i % STEMS.length]}${i % 3 === 2 ? '镇' : '街道'}${i}`, 'TOWNSHIP', county.id));
  }
  const communities = townships.flatMap((t) => under(t.id, 'COMMUNITY'));
  const newTownships = townships.slice(seededTownships);
  const communityTotal = Math.max(communities.length + 2 * newTownships.length, scaled(1500, scale));
  for (let i = communities.length, n = 0; i < communityTotal; i++, n++) {
    const township = newTownships[n % newTownships.length];
    communities.push(add(`${prefix}${VILLAGES[n % VILLAGES.length]}${township.name.endsWith('镇') ? '村' : '社区'}${n + 1}`, 'COMMUNITY', township.id));
  }

  // units: departments of the city and the counties, offices of the new townships, each new community's committee
  const unit = (j: Jur, name: string, kind: string) => {
    const id = units.add({ name: label(name), kind, jurisdictionId: j.id, aliases: '[]', sourceDocumentId: null, sourceClauseId: null });
    unitsOf.set(j.id, [...(unitsOf.get(j.id) ?? []), { id, kind }]);
  };
  for (const j of [city, ...counties]) for (const d of COUNTY_DEPARTMENTS) unit(j, `${j.name.replace(prefix, '')}${d}`, 'DEPARTMENT');
  for (const t of newTownships) for (const o of TOWNSHIP_OFFICES) unit(t, `${t.name}${o}`, 'OFFICE');
  for (const c of communities.filter((c) => !base.jurisdictions.some((b) => b.id === c.id))) unit(c, c.name, 'COMMUNITY');
  return { all, city, counties, townships, communities, newTownships, unitsOf, tables: [jurisdictions, units] };
}

function organisationPart(base: CityBase, s: Setting): { part: Part; org: Organisation } {
  const { scale, seed, prefix, tag, label } = s;
  const dice = new Dice(seed);
  const documents = new Table('policy_document', base);
  const companies = new Table('property_company', base);
  const compounds = new Table('compound', base);
  const { all, city, counties, townships, communities, newTownships, unitsOf, tables } = grow(base, s);
  const childrenOf = new Map<number, Jur[]>();
  for (const j of all) if (j.parentId !== null) childrenOf.set(j.parentId, [...(childrenOf.get(j.parentId) ?? []), j]);

  // the offices: the city's, the counties' and every township's keep a working group; the city, the
  // counties and every fifth new township keep a task list (with streets: those streets do both)
  const offices = s.streets ? { plans: townships, groups: townships } : { plans: [city, ...counties, ...newTownships.filter((_, i) => i % 5 === 0)], groups: [city, ...counties, ...townships] };

  // one office document per office: its plan and working group cite it
  const docs = new Map<number, { id: number; issueDate: string }>();
  for (const [n, j] of offices.groups.entries()) {
    const issueDate = addDays(`${s.year}-01-02`, dice.int(0, 80));
    const id = documents.add({
      docNumber: `${prefix}〔${s.year}〕${n + 1}号`,
      indexNumber: null,
      issuer: j.name,
      title: `${label(j.name)}深化物业党建联建提升物业服务水平实施方案`,
      issueDate,
      validFrom: issueDate,
      validTo: null,
      isPublic: 1,
      note: tag,
      jurisdictionId: j.id,
    });
    docs.set(j.id, { id, issueDate });
  }

  // property companies, registered in the counties, kept in the city's register
  const firms: Organisation['companies'] = [];
  const firmCount = scaled(1000, scale, 5);
  for (let n = 0; n < firmCount; n++) {
    const first17 = s.usccStem + String(n + 1).padStart(17 - s.usccStem.length, '0');
    const check = usccCheckChar(first17);
    if (first17.length !== 17 || !check) throw new Error(`no check character for ${first17}`);
    const county = counties[n % counties.length];
    // numbered only when the names repeat (the benchmark's thousand; not the demo's eight)
    const name = `${prefix}${FIRMS[n % FIRMS.length]}物业服务有限公司${firmCount > FIRMS.length ? Math.floor(n / FIRMS.length) + 1 : ''}`;
    const id = companies.add({ name, uscc: first17 + check, jurisdictionId: county.id, ownerJurisdictionId: city.id, address: tag });
    firms.push({ id, name, uscc: first17 + check, countyId: county.id });
  }
  const firmsOf = new Map<number, number[]>();
  for (const f of firms) firmsOf.set(f.countyId, [...(firmsOf.get(f.countyId) ?? []), f.id]);
  const countyOf = (communityId: number) => {
    let j = all.find((x) => x.id === communityId)!;
    while (j.level !== 'COUNTY') j = all.find((x) => x.id === j.parentId)!;
    return j.id;
  };
  const countyOfCommunity = new Map(communities.map((c) => [c.id, countyOf(c.id)]));

  // compounds, spread over every community, each with its management mode and (when managed) a company of its county
  for (let n = 0; n < scaled(10000, scale, 10); n++) {
    const community = communities[n % communities.length];
    let r = dice.next();
    const mode = MODES.find(([, p]) => (r -= p) < 0)?.[0] ?? 'PROFESSIONAL';
    const managed = mode === 'PROFESSIONAL' || mode === 'STATE_OWNED';
    const local = firmsOf.get(countyOfCommunity.get(community.id)!) ?? firms.map((f) => f.id);
    compounds.add({
      // the benchmark numbers its compounds; the demo names them after their community, as people do (演示阳光锦绣花园)
      name: s.streets ? `${prefix}${community.name.replace(/(社区|村)$/, '')}${ESTATES[n % ESTATES.length]}` : `${prefix}${ESTATES[n % ESTATES.length]}${n + 1}`,
      communityId: community.id,
      propertyCompanyId: managed ? dice.pick(local) : null,
      managementMode: mode,
      address: `${community.name}（${tag}）`,
    });
  }

  // users for the admin benchmarks: an ADMIN, the city's office and one office per county (none with streets)
  let userId = base.nextId.app_user ?? 1;
  const user = (username: string, displayName: string, role: BenchUser['role'], jurisdictionId: number | null): BenchUser => ({ id: userId++, username, displayName, role, jurisdictionId });
  const cityUser = s.streets ? null : user('bench-city', `${prefix}：泉州市党建办`, 'PARTY_OFFICE', city.id);
  const users = cityUser
    ? [
        user('bench-admin', `${prefix}：系统管理员`, 'ADMIN', null),
        cityUser,
        ...counties.map((c, i) => user(`bench-county-${String(i + 1).padStart(2, '0')}`, `${label(c.name)}党建办`, 'PARTY_OFFICE', c.id)),
      ]
    : [];

  const part: Part = {
    name: 'organisation',
    tables: [...tables, documents, companies, compounds].map((t) => ({ table: t.table, rows: t.rows })),
  };
  return { part, org: { city, counties, townships, communities, childrenOf, unitsOf, documents: docs, companies: firms, users, cityUser, offices } };
}
