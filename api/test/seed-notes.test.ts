import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';
import { SeedNotesInChinese1765830000000 } from '../src/migrations/1765830000000-SeedNotesInChinese';

/**
 * The seeds' notes are shown in the console (文件 › 备注, a rating scheme's notes): written in Chinese
 * (issue 17, item 4). A database seeded before gets them from migration 1765830000000, which leaves a
 * note an office has edited as it is, and undoes to the English.
 */
describe(`seed notes in Chinese (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  /** An English sentence: two Latin words in a row (a file kind or a photo credit alone is not one). */
  const ENGLISH = /[A-Za-z]{3,}[ ,'][A-Za-z]{2,}/;

  it('shows every seeded document’s and rating scheme’s note in Chinese', async () => {
    const res = await t.gql('{ allPolicyDocuments(perPage: 100) { title note } allRatingSchemes(perPage: 100) { name notes } }', {}, admin);
    expect(res.errors).toBeUndefined();
    const notes: string[] = [...res.data.allPolicyDocuments.map((d: { note: string | null }) => d.note), ...res.data.allRatingSchemes.map((s: { notes: string | null }) => s.notes)].filter(Boolean);
    expect(notes.length).toBe(7);
    expect(notes.filter((n) => ENGLISH.test(n) || !/\p{Script=Han}/u.test(n))).toEqual([]);
  });

  it('turns a note still as seeded in English into the Chinese, leaves an edited one, and undoes', async () => {
    const english =
      'Implementation opinions (实施意见) on property party-building (物业党建) in 婺城区, 金华市. Issuer not printed: inferred from the 文号 prefix 婺区组 (中共金华市婺城区委组织部). No date, no validity period and no disclosure attribute printed; isPublic assumed (published text).';
    const ds = t.app.ds;
    const [seeded] = await ds.query("SELECT id, note FROM policy_document WHERE docNumber = '婺区组〔2021〕34号'");
    const [other] = await ds.query("SELECT id FROM policy_document WHERE docNumber = '宝政〔2023〕87号'");
    await ds.query('UPDATE policy_document SET note = ? WHERE id = ?', [english, seeded.id]);
    await ds.query('UPDATE policy_document SET note = ? WHERE id = ?', ['党建办补充：另见 2024 年修订稿', other.id]);
    const note = async (id: number) => ((await ds.query('SELECT note FROM policy_document WHERE id = ?', [id])) as Array<{ note: string }>)[0].note;
    const qr = ds.createQueryRunner();
    try {
      await new SeedNotesInChinese1765830000000().up(qr);
      expect(await note(seeded.id)).toBe(seeded.note);
      expect(await note(other.id)).toBe('党建办补充：另见 2024 年修订稿');
      await new SeedNotesInChinese1765830000000().down(qr);
      expect(await note(seeded.id)).toBe(english);
      await new SeedNotesInChinese1765830000000().up(qr);
      expect(await note(seeded.id)).toBe(seeded.note);
    } finally {
      await qr.release();
    }
  });
});
