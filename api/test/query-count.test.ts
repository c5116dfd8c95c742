import { Role } from '../src/common/roles';
import { JurisdictionLevel } from '../src/modules/organization/enums';
import { Jurisdiction } from '../src/modules/organization/jurisdiction.entity';
import { GroupKind, GroupRole } from '../src/modules/working-group/enums';
import { Membership } from '../src/modules/working-group/membership.entity';
import { Person } from '../src/modules/working-group/person.entity';
import { Post } from '../src/modules/working-group/post.entity';
import { WorkingGroup } from '../src/modules/working-group/working-group.entity';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

const ROSTER = `query($g: ID!, $n: Int!) {
  allMemberships(filter: { groupId: $g }, perPage: $n) {
    id role sortOrder concurrent validFrom
    person { id name }
    post { id title }
    group { id name }
  }
}`;

describe(`roster list SQL statements (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let office: string | undefined;
  let streetId = 0;
  const street0 = () => streetId;
  let groupId: number;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
    admin = await t.adminToken();
    // Test data straight into the tables: 100 people, each with a post and a seat.
    const ds = t.app.ds;
    // the group belongs to a street; the street's own office reads it through the scope rule (issue 14)
    const city = await ds.getRepository(Jurisdiction).save({ name: '某市', level: JurisdictionLevel.CITY, parentId: null, code: null });
    const county = await ds.getRepository(Jurisdiction).save({ name: '某区', level: JurisdictionLevel.COUNTY, parentId: city.id, code: null });
    const street = await ds.getRepository(Jurisdiction).save({ name: '某街道', level: JurisdictionLevel.TOWNSHIP, parentId: county.id, code: null });
    const group = await ds.getRepository(WorkingGroup).save({ name: '大名单专班', kind: GroupKind.GROUP, jurisdictionId: street.id });
    streetId = street.id;
    groupId = group.id;
    const people = await ds.getRepository(Person).save(Array.from({ length: 100 }, (_, i) => ({ name: `成员${i + 1}` })));
    const posts = await ds.getRepository(Post).save(Array.from({ length: 100 }, (_, i) => ({ title: `职务${i + 1}` })));
    await ds.getRepository(Membership).save(people.map((p, i) => ({ groupId, personId: p.id, postId: posts[i].id, role: GroupRole.MEMBER, sortOrder: i + 1, validFrom: '2024-01-01' })));
  });
  afterAll(() => t.close());

  async function statementsFor(n: number, token = admin): Promise<number> {
    t.sql.reset();
    const res = await t.gql(ROSTER, { g: String(groupId), n }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.allMemberships).toHaveLength(n);
    expect(res.data.allMemberships[n - 1]).toMatchObject({ sortOrder: n, person: { name: `成员${n}` }, post: { title: `职务${n}` }, group: { name: '大名单专班' } });
    return t.sql.count;
  }

  it('uses the same small number of statements for 10, 50 and 100 members with person, post and group', async () => {
    const counts = [await statementsFor(10), await statementsFor(50), await statementsFor(100)];
    // 1 user (the token's user is reloaded), 1 memberships page, 1 each for people, posts and groups.
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });

  it('stays as flat for a user scoped to the street: the scope rule adds conditions, not statements', async () => {
    office ??= (await t.createUser({ username: 'street-office', role: Role.PARTY_OFFICE, jurisdictionId: String(street0()) })).token;
    const counts = [await statementsFor(10, office), await statementsFor(50, office), await statementsFor(100, office)];
    expect(counts).toEqual([counts[0], counts[0], counts[0]]);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });
});
