import { loadSeeds } from '../../seeds/load';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

const ROSTER = `query($name: String!) {
  allWorkingGroups(filter: { q: $name }) {
    id name kind hostedAt
    document { docNumber }
    sourceClause { number document { docNumber } }
    subGroups { name }
    members { role sortOrder concurrent validFrom validTo person { name } post { title } }
  }
}`;

type Member = { role: string; sortOrder: number; concurrent: boolean; person: { name: string }; post: { title: string } | null };
const byRole = (members: Member[]) => {
  const out: Record<string, string[]> = {};
  for (const m of members) (out[m.role] ??= []).push(m.person.name);
  return out;
};

describe(`seeded rosters (${dbKind()})`, () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp();
    token = await t.adminToken();
  });
  afterAll(() => t.close());

  it('reads back the 001 working group role by role in published order', async () => {
    const res = await t.gql(ROSTER, { name: '宝盖镇全面提升住宅小区管理服务能力工作专班' }, token);
    expect(res.errors).toBeUndefined();
    const [group] = res.data.allWorkingGroups;
    expect(group.document.docNumber).toBe('宝政〔2023〕87号');
    expect(group.sourceClause).toEqual({ number: '附件', document: { docNumber: '宝政〔2023〕87号' } });
    expect(group.subGroups.map((g: { name: string }) => g.name)).toEqual(['办公室']);
    const roles = byRole(group.members);
    expect(Object.keys(roles)).toEqual(['LEADER', 'DEPUTY', 'MEMBER']);
    expect(roles.LEADER).toEqual(['柳建波']);
    expect(roles.DEPUTY).toEqual(['林积沪', '蔡慰玲', '蔡作为', '王安庆', '曾志忠', '王泽永']);
    expect(roles.MEMBER).toEqual([
      '高淑芬',
      '郭清担',
      '陈晓聪',
      '蔡提福',
      '姜德勇',
      '张再生',
      '蔡雷霆',
      '蔡佳默',
      '施少东',
      '高清显',
      '郑丽凤',
      '黄清赐',
      '郭秉昆',
      '黄永忠',
      '蔡金超',
      '吴清山',
      '黄明奎',
      '黄其安',
      '林纓济',
      '蔡水权',
    ]);
    const posts = Object.fromEntries(group.members.map((m: Member) => [m.person.name, m.post?.title]));
    expect(posts['柳建波']).toBe('宝盖镇党委副书记、镇长');
    expect(posts['林积沪']).toBe('宝盖镇党委副书记、政法委员、一级主任科员、仑后点点长');
    expect(posts['蔡水权']).toBe('玉浦村党支部书记、村委会主任');
    expect(group.members.every((m: { validFrom: string; validTo: null }) => m.validFrom === '2023-11-01' && m.validTo === null)).toBe(true);
  });

  it('reads back the 001 office with its concurrent director', async () => {
    const res = await t.gql(ROSTER, { name: '办公室' }, token);
    const [office] = res.data.allWorkingGroups;
    expect(office.kind).toBe('OFFICE');
    expect(office.hostedAt).toBe('镇基层治理中心（小区服务岗）办公室');
    const roles = byRole(office.members);
    expect(roles).toEqual({ DIRECTOR: ['王泽永'], DEPUTY_DIRECTOR: ['白铭坡'], MEMBER: ['姚斯嵘', '吴孝蛤', '郭耿团', '许丽纯', '李丹妮', '江锐锋'] });
    expect(office.members[0]).toMatchObject({ concurrent: true, post: { title: '宝盖镇基层治理服务中心主任' } });
  });

  it('reads back the 004 working group and its 综合协调组 in published order', async () => {
    const res = await t.gql(ROSTER, { name: '青阳街道住宅小区管理品质提升专项行动工作专班' }, token);
    const [group] = res.data.allWorkingGroups;
    expect(group.document.docNumber).toBe('晋政青〔2024〕68号');
    const roles = byRole(group.members);
    expect(Object.keys(roles)).toEqual(['LEADER', 'EXECUTIVE_DEPUTY', 'DEPUTY', 'GROUP_MEMBER']);
    expect(roles.LEADER).toEqual(['陈荣松', '蔡少林']);
    expect(roles.EXECUTIVE_DEPUTY).toEqual(['黄美霞']);
    expect(roles.DEPUTY).toEqual([
      '施德才',
      '蔡荧莹',
      '林祥星',
      '林振贤',
      '苏南彪',
      '林荣武',
      '陈荣辉',
      '李铭集',
      '黄艺君',
      '李玲玲',
      '陈耿祥',
      '丁金铭',
      '郑金福',
      '庄景炜',
      '苏煌龙',
      '庄铭毅',
      '洪鸿雁',
      '曾台店',
    ]);
    expect(roles.GROUP_MEMBER).toEqual([
      '吴建章',
      '黄珑',
      '颜彦',
      '许淞梁',
      '王巧虹',
      '林春节',
      '李德望',
      '庄丘霖',
      '庄建新',
      '庄志祥',
      '庄树清',
      '伍婷婷',
      '张英建',
      '张伟明',
      '谢家淮',
      '许建兴',
      '曾棉棉',
      '蔡振星',
      '王江奇',
      '陈清林',
      '林振升',
    ]);
    const posts = Object.fromEntries(group.members.map((m: Member) => [m.person.name, m.post?.title]));
    expect(posts['蔡少林']).toBe('党工委副书记、办事处主任');
    expect(posts['李玲玲']).toBe('办事处副主任〈科技〉');
    expect(group.subGroups.map((g: { name: string }) => g.name)).toEqual(['综合协调组']);

    const sub = await t.gql(ROSTER, { name: '综合协调组' }, token);
    expect(sub.data.allWorkingGroups[0].members).toEqual([expect.objectContaining({ role: 'LEADER', sortOrder: 1, concurrent: true, person: { name: '李铭集' }, post: { title: '办事处副主任' } })]);
  });

  it('seeds the 14 communities of 青阳街道 and the 12 villages and communities of 宝盖镇', async () => {
    const q = `query($name: String!) { allJurisdictions(filter: { q: $name }) { name code level children { name level } parent { name code } } }`;
    const qy = await t.gql(q, { name: '青阳街道' }, token);
    expect(qy.data.allJurisdictions[0].children).toHaveLength(14);
    expect(qy.data.allJurisdictions[0].parent).toEqual({ name: '晋江市', code: '350582' });
    const bg = await t.gql(q, { name: '宝盖镇' }, token);
    expect(bg.data.allJurisdictions[0].children).toHaveLength(12);
    expect(bg.data.allJurisdictions[0].parent).toEqual({ name: '石狮市', code: '350581' });
    const codes = await t.gql('{ allJurisdictions(perPage: 100, filter: { level: COUNTY }) { name code } }', {}, token);
    expect(codes.data.allJurisdictions).toEqual(
      expect.arrayContaining([
        { name: '婺城区', code: '330702' },
        { name: '石狮市', code: '350581' },
        { name: '晋江市', code: '350582' },
      ]),
    );
  });

  it('seeds the five documents with their numbers, dates and the five documents 000 cites', async () => {
    const res = await t.gql('{ allPolicyDocuments(sortField: "id") { docNumber indexNumber issueDate validFrom validTo citations { citedDocNumber } } }', {}, token);
    const docs = res.data.allPolicyDocuments;
    expect(docs.map((d: { docNumber: string }) => d.docNumber)).toEqual(['晋政青〔2024〕29号', '宝政〔2023〕87号', '婺区组〔2021〕34号', null, '晋政青〔2024〕68号']);
    expect(docs[1]).toMatchObject({ indexNumber: 'QZ05904-3000-2023-00048', validFrom: '2023-11-01', validTo: '2024-10-31' });
    expect(docs[0].citations.map((c: { citedDocNumber: string }) => c.citedDocNumber)).toEqual([
      '闽建房〔2023〕10号',
      '泉委组综〔2023〕60号',
      '泉建房〔2023〕44号',
      '泉建房〔2024〕6号',
      '晋物管办综〔2024〕2号',
    ]);
  });

  it('changes nothing when seeding twice, and never overwrites edits made through the API', async () => {
    const person = await t.gql('{ allPeople(filter: { q: "柳建波" }) { id } }', {}, token);
    const id = person.data.allPeople[0].id;
    const renamed = await t.gql('mutation($id: ID!) { updatePerson(id: $id, name: "柳建波（已更正）") { name } }', { id }, token);
    expect(renamed.errors).toBeUndefined();
    const seat = await t.gql('{ allMemberships(filter: { q: "白铭坡" }) { id } }', {}, token);
    await t.gql('mutation($id: ID!) { deleteMembership(id: $id) { id } }', { id: seat.data.allMemberships[0].id }, token);

    const counts = async () => {
      const r = await t.gql(
        `{ p: _allPeopleMeta { count } m: _allMembershipsMeta { count } u: _allUnitsMeta { count }
        j: _allJurisdictionsMeta { count } c: _allClausesMeta { count } a: _allAuditEventsMeta { count } }`,
        {},
        token,
      );
      return r.data;
    };
    const before = await counts();
    const report = await loadSeeds(t.app.services.tx, t.app.services.audit);
    expect(report).toEqual({});
    expect(await counts()).toEqual(before);
    const again = await t.gql('query($id: ID!) { Person(id: $id) { name } }', { id }, token);
    expect(again.data.Person.name).toBe('柳建波（已更正）');
    const gone = await t.gql('{ allMemberships(filter: { q: "白铭坡" }) { id } }', {}, token);
    expect(gone.data.allMemberships).toEqual([]);
  });
});
