import { type Bilingual, folded, normalise, oneOf, type SheetColumn, type SheetLayout, sheetDate, yesNo } from '../../common/sheet-import/layout';

/*
 * 业委会名册: the sheet a street or community office keeps of its compounds' owners' committees, one
 * row per member (001 四(二)5: 姓名、业委会职务、政治面貌、所在楼栋, the contact only where the member
 * agrees), with the committee's own cells (001 四(二)1: 备案; the term) repeated, or merged, on its
 * members' rows. Headers in Chinese or English; labels as printed (业委会, 主任, 中共党员…), the console's
 * English labels or the codes. Pure TypeScript with no server imports (the console bundles it, as it does
 * roster.sheet.ts): the codes are CommitteeKind, CommitteeRole and PoliticalStatus's values
 * (committee-import.test.ts checks they agree).
 */

/** 业委会类型 as sheets write it: the documents' two names, and the short forms offices use. */
export const COMMITTEE_KIND_LABELS = {
  ELECTED: { zh: '业委会', en: 'Owners committee' },
  PROVISIONAL: { zh: '临时物业管理委员会', en: 'Provisional committee' },
} satisfies Record<'ELECTED' | 'PROVISIONAL', Bilingual>;
const KIND_ALIASES: Record<string, keyof typeof COMMITTEE_KIND_LABELS> = { 业主委员会: 'ELECTED', 临时物管会: 'PROVISIONAL', 物管会: 'PROVISIONAL' };

/** 职务 (001 四(二)5: 业委会职务). 成员 is read as 委员. */
export const COMMITTEE_ROLE_LABELS = {
  DIRECTOR: { zh: '主任', en: 'Director' },
  DEPUTY_DIRECTOR: { zh: '副主任', en: 'Deputy director' },
  MEMBER: { zh: '委员', en: 'Member' },
} satisfies Record<'DIRECTOR' | 'DEPUTY_DIRECTOR' | 'MEMBER', Bilingual>;
const ROLE_ALIASES: Record<string, keyof typeof COMMITTEE_ROLE_LABELS> = { 业委会主任: 'DIRECTOR', 业委会副主任: 'DEPUTY_DIRECTOR', 成员: 'MEMBER' };

/** 政治面貌 as the member board prints it (001 四(二)5); 党员 and 预备党员 count towards the party share. */
export const POLITICAL_STATUS_LABELS = {
  CPC_MEMBER: { zh: '中共党员', en: 'CPC member' },
  CPC_PROBATIONARY: { zh: '中共预备党员', en: 'CPC probationary member' },
  LEAGUE_MEMBER: { zh: '共青团员', en: 'League member' },
  DEMOCRATIC_PARTY: { zh: '民主党派', en: 'Democratic party' },
  NON_PARTY: { zh: '无党派人士', en: 'Non-party' },
  MASSES: { zh: '群众', en: 'Masses' },
} satisfies Record<string, Bilingual>;
const STATUS_ALIASES: Record<string, keyof typeof POLITICAL_STATUS_LABELS> = {
  党员: 'CPC_MEMBER',
  中国共产党党员: 'CPC_MEMBER',
  预备党员: 'CPC_PROBATIONARY',
  团员: 'LEAGUE_MEMBER',
  无党派: 'NON_PARTY',
};

/** A value from a list (oneOf), or one of the short forms offices type. */
function oneOfOr<C extends string>(labels: Record<C, Bilingual>, aliases: Record<string, C>, reason: string) {
  const strict = oneOf(labels, reason);
  const byAlias = new Map(Object.entries(aliases).map(([k, v]) => [normalise(k), v]));
  return (text: string, column: SheetColumn) => byAlias.get(normalise(text)) ?? strict(text, column);
}

/** 成立日期 etc.: common/sheet-import/layout.ts's sheetDate (kept exported here for the committee import's users). */
export { sheetDate };

/** The committee's own cells: the same on every row of one committee (a blank one takes the committee's). */
export const COMMITTEE_FIELDS = ['kind', 'termEndsOn', 'filedOn'] as const;

/**
 * 社区 / 小区 / 业委会类型 / 成立日期 / 任期届满 / 备案日期 / 姓名 / 职务 / 政治面貌 / 楼栋 / 联系电话 /
 * 是否同意公开联系方式. Rows are grouped into committees by 小区 and 成立日期; a blank 社区, 小区 or 成立日期
 * continues the row above (merged cells), so they are not `required` here: the import says so when
 * the first row lacks one.
 */
export const COMMITTEE_SHEET: SheetLayout = {
  maxRows: 1000,
  columns: [
    { field: 'community', header: { zh: '社区', en: 'Community' }, parse: folded },
    { field: 'compound', header: { zh: '小区', en: 'Compound' }, parse: folded },
    { field: 'kind', header: { zh: '业委会类型', en: 'Committee kind' }, parse: oneOfOr(COMMITTEE_KIND_LABELS, KIND_ALIASES, 'UNKNOWN_KIND') },
    { field: 'formedOn', header: { zh: '成立日期', en: 'Formed on' }, parse: sheetDate },
    { field: 'termEndsOn', header: { zh: '任期届满', en: 'Term ends' }, parse: sheetDate },
    { field: 'filedOn', header: { zh: '备案日期', en: 'Filed on' }, parse: sheetDate },
    { field: 'name', header: { zh: '姓名', en: 'Name' }, required: 'NAME_REQUIRED', parse: folded },
    { field: 'role', header: { zh: '职务', en: 'Role' }, required: 'ROLE_REQUIRED', parse: oneOfOr(COMMITTEE_ROLE_LABELS, ROLE_ALIASES, 'UNKNOWN_ROLE') },
    {
      field: 'politicalStatus',
      header: { zh: '政治面貌', en: 'Political status' },
      required: 'POLITICAL_STATUS_REQUIRED',
      parse: oneOfOr(POLITICAL_STATUS_LABELS, STATUS_ALIASES, 'UNKNOWN_POLITICAL_STATUS'),
    },
    { field: 'building', header: { zh: '楼栋', en: 'Building' }, parse: folded },
    { field: 'phone', header: { zh: '联系电话', en: 'Phone' }, parse: (text) => text.replace(/\s+/g, '') },
    { field: 'contactPublic', header: { zh: '是否同意公开联系方式', en: 'Contact may be shown' }, parse: yesNo('BAD_FLAG') },
  ],
  computed: [
    { zh: '党员比例', en: 'Party share' },
    { zh: '序号', en: 'No.' },
  ],
};
