import { addDays, dayBefore, daysBetween } from '../../common/dates';
import { type CityBase, Dice, type Part, scaled, type Setting, Table, type Organisation } from './model';

/*
 * 工作专班: every office the organisation names (org.offices.groups: the city's, counties' and
 * townships' in the benchmark) has a working group (领导小组) and its office
 * (办公室), seats held through posts (职务). About one post in twelve changed hands after the group
 * was set up, recorded as the succession service records it: the predecessor's holding and seats end
 * the day before, the successor's begin that day, same role, order and post; nothing is deleted.
 */

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '吴', '林', '蔡', '许', '郑', '洪', '施', '苏', '庄', '傅', '曾'];
const GIVEN = ['华', '明', '芳', '强', '丽', '军', '红', '平', '建', '玲', '志', '国', '秀', '海', '燕'];
const POST_OF: Record<string, string> = {
  LEADER: '党（工）委书记',
  EXECUTIVE_DEPUTY: '主要负责人',
  DEPUTY: '分管负责人',
  MEMBER: '成员单位负责人',
  DIRECTOR: '办公室主任',
  DEPUTY_DIRECTOR: '办公室副主任',
  GROUP_MEMBER: '办公室工作人员',
};
const SUCCESSION = 1 / 12;

export function groupsPart(base: CityBase, s: Setting, org: Organisation): Part {
  const { scale, seed, prefix, tag, label } = s;
  const dice = new Dice(seed + 3);
  const groups = new Table('working_group', base);
  const people = new Table('person', base);
  const posts = new Table('post', base);
  const holdings = new Table('post_holding', base);
  const seats = new Table('membership', base);

  const offices = org.offices.groups;
  const perOffice = Math.max(4, Math.round(scaled(5000, scale) / offices.length / (1 + SUCCESSION)));
  const person = (jurisdictionId: number) =>
    people.add({ name: `${prefix}${dice.pick(SURNAMES)}${dice.pick(GIVEN)}${dice.pick(GIVEN)}`, phone: null, note: tag, jurisdictionId, sourceDocumentId: null, sourceClauseId: null });

  for (const office of offices) {
    const doc = org.documents.get(office.id)!;
    const from = doc.issueDate;
    const host = (org.unitsOf.get(office.id) ?? [])[0]?.id ?? null;
    const common = { documentId: doc.id, jurisdictionId: office.id, sourceDocumentId: null, sourceClauseId: null };
    const groupId = groups.add({ name: `${label(office.name)}物业党建联建工作专班`, kind: 'GROUP', parentId: null, hostUnitId: null, hostedAt: null, duties: null, ...common });
    const officeId = groups.add({ name: label('办公室'), kind: 'OFFICE', parentId: groupId, hostUnitId: host, hostedAt: null, duties: `${tag}：负责专班日常工作`, ...common });
    const inOffice = Math.min(4, Math.floor(perOffice / 4));
    const deputies = Math.min(3, perOffice - inOffice - 2);
    const roles: Array<[number, string]> = [
      [groupId, 'LEADER'],
      [groupId, 'EXECUTIVE_DEPUTY'],
      ...Array.from({ length: deputies }, (): [number, string] => [groupId, 'DEPUTY']),
      ...Array.from({ length: perOffice - inOffice - 2 - deputies }, (): [number, string] => [groupId, 'MEMBER']),
      ...Array.from({ length: inOffice }, (_, i): [number, string] => [officeId, i === 0 ? 'DIRECTOR' : i === 1 ? 'DEPUTY_DIRECTOR' : 'GROUP_MEMBER']),
    ];
    const order = new Map<string, number>();
    for (const [group, role] of roles) {
      const sortOrder = (order.get(`${group}:${role}`) ?? 0) + 1;
      order.set(`${group}:${role}`, sortOrder);
      const postId = posts.add({ title: `${prefix}${POST_OF[role]}（${sortOrder}）`, jurisdictionId: office.id, unitId: null, sourceDocumentId: null, sourceClauseId: null });
      const first = person(office.id);
      const seat = { groupId: group, role, sortOrder, postId, concurrent: 0, sourceDocumentId: null, sourceClauseId: null };
      if (dice.chance(SUCCESSION)) {
        const on = addDays(from, dice.int(90, daysBetween(from, s.today) - 1));
        const next = person(office.id);
        holdings.add({ postId, personId: first, validFrom: from, validTo: dayBefore(on), sourceDocumentId: null, sourceClauseId: null });
        holdings.add({ postId, personId: next, validFrom: on, validTo: null, sourceDocumentId: null, sourceClauseId: null });
        seats.add({ ...seat, personId: first, validFrom: from, validTo: dayBefore(on) });
        seats.add({ ...seat, personId: next, validFrom: on, validTo: null });
      } else {
        holdings.add({ postId, personId: first, validFrom: from, validTo: null, sourceDocumentId: null, sourceClauseId: null });
        seats.add({ ...seat, personId: first, validFrom: from, validTo: null });
      }
    }
  }
  return { name: 'working groups', tables: [groups, people, posts, holdings, seats].map((t) => ({ table: t.table, rows: t.rows })) };
}
