import fs from 'node:fs';
import path from 'node:path';
import { readDeadline, recurrencePeriods } from '../src/common/deadline';

/*
 * 完成时限 (issue 16): one grammar for seeds, imports and forms. A table of every deadline phrase the
 * five documents print (000 任务清单, 001, 002, 003, 004 专项行动 and its 节点) and the phrases offices
 * type, each → kind, due day, recurrence; what it cannot read is refused with a code, never guessed.
 * The seeds' own deadlines are read with the year of their document and must agree with the seed.
 */
type Row = [text: string, year: number | null, kind: string, due: string | null, recurrence?: [unit: string, times: number, lagMonths: number]];

const PRINTED: Row[] = [
  // 000 任务清单 (2024)
  ['长期坚持', 2024, 'ONGOING', null],
  ['2024年完成，并长期坚持', 2024, 'DUE_THEN_ONGOING', '2024-12-31'],
  ['2025年基本实现全覆盖', 2024, 'DUE', '2025-12-31'],
  ['2024年底', 2024, 'DUE', '2024-12-31'],
  ['2024年', 2024, 'DUE', '2024-12-31'],
  ['每季度召开会议', 2024, 'RECURRING', null, ['QUARTER', 1, 0]],
  ['每年度开展公共收益年度审计', 2024, 'RECURRING', null, ['YEAR', 1, 0]],
  ['每年', 2024, 'RECURRING', null, ['YEAR', 1, 0]],
  // 001 (2023)
  ['五年', 2023, 'DUE', '2028-12-31'],
  ['2023年', 2023, 'DUE', '2023-12-31'],
  ['2024年完成', 2023, 'DUE', '2024-12-31'],
  ['每季度第一个月的月底前', 2023, 'RECURRING', null, ['QUARTER', 1, 1]],
  ['每季度召开业主座谈会', 2023, 'RECURRING', null, ['QUARTER', 1, 0]],
  ['每半年组织一次业委会满意度测评', 2023, 'RECURRING', null, ['HALF_YEAR', 1, 0]],
  ['每月', 2023, 'RECURRING', null, ['MONTH', 1, 0]],
  // 002 (2021)
  ['到2021年底', 2021, 'DUE', '2021-12-31'],
  ['每季至少召开1次会议', 2021, 'RECURRING', null, ['QUARTER', 1, 0]],
  ['每周开展1次联合巡查执法行动', 2021, 'RECURRING', null, ['WEEK', 1, 0]],
  ['每半年公开一次财务收支情况', 2021, 'RECURRING', null, ['HALF_YEAR', 1, 0]],
  ['每季向社会公布', 2021, 'RECURRING', null, ['QUARTER', 1, 0]],
  // 003 (2025)
  ['2025年5月底前', 2025, 'DUE', '2025-05-31'],
  ['2025年年底前', 2025, 'DUE', '2025-12-31'],
  ['2027年年底前', 2025, 'DUE', '2027-12-31'],
  ['到2027年年底', 2025, 'DUE', '2027-12-31'],
  ['到2027年前', 2025, 'DUE', '2026-12-31'],
  ['每月至少一次', 2025, 'RECURRING', null, ['MONTH', 1, 0]],
  ['每月定期组织小区环境卫生整治', 2025, 'RECURRING', null, ['MONTH', 1, 0]],
  // 004 (2024) and its 节点
  ['年底前', 2024, 'DUE', '2024-12-31'],
  ['年底', 2024, 'DUE', '2024-12-31'],
  ['至2024年11月底', 2024, 'DUE', '2024-11-30'],
  ['至2024年12月底', 2024, 'DUE', '2024-12-31'],
  ['2024年12月底完成', 2024, 'DUE', '2024-12-31'],
  ['2024年底前完成', 2024, 'DUE', '2024-12-31'],
  ['2024年底前', 2024, 'DUE', '2024-12-31'],
  ['2024年10月底前', 2024, 'DUE', '2024-10-31'],
  ['2025年上半年', 2024, 'DUE', '2025-06-30'],
  ['11月15日前完成', 2024, 'DUE', '2024-11-15'],
  ['12月15日前完成', 2024, 'DUE', '2024-12-15'],
  ['10月底前', 2024, 'DUE', '2024-10-31'],
  ['12月底前', 2024, 'DUE', '2024-12-31'],
  ['12月底前落实问题', 2024, 'DUE', '2024-12-31'],
  ['每月开展一次联合执法', 2024, 'RECURRING', null, ['MONTH', 1, 0]],
  ['每月不少于1次下沉小区执法巡查', 2024, 'RECURRING', null, ['MONTH', 1, 0]],
  ['每月开展不少于1次集中卫生大扫除', 2024, 'RECURRING', null, ['MONTH', 1, 0]],
  ['每月至少公开1份需求清单', 2024, 'RECURRING', null, ['MONTH', 1, 0]],
  ['每月公布督导检查结果', 2024, 'RECURRING', null, ['MONTH', 1, 0]],
  ['自2025年起', 2024, 'ONGOING', null],
];

/** What offices type (issue 16: all of these were misread or refused before). */
const TYPED: Row[] = [
  ['2025年3月31日前', null, 'DUE', '2025-03-31'],
  ['2025年3月底前', null, 'DUE', '2025-03-31'],
  ['2025年6月30日', null, 'DUE', '2025-06-30'],
  ['2025年第一季度', null, 'DUE', '2025-03-31'],
  ['2025年一季度', null, 'DUE', '2025-03-31'],
  ['2025年Q3', null, 'DUE', '2025-09-30'],
  ['2025年下半年', null, 'DUE', '2025-12-31'],
  ['第二季度', 2025, 'DUE', '2025-06-30'],
  ['上半年', 2025, 'DUE', '2025-06-30'],
  ['2025-03-31', null, 'DUE', '2025-03-31'],
  ['2025/3/31', null, 'DUE', '2025-03-31'],
  ['2025.3.31', null, 'DUE', '2025-03-31'],
  ['２０２５年３月３１日', null, 'DUE', '2025-03-31'],
  ['2024年2月底', null, 'DUE', '2024-02-29'],
  ['十二月底前', 2025, 'DUE', '2025-12-31'],
  ['2025年3月', null, 'DUE', '2025-03-31'],
  ['三年内', 2025, 'DUE', '2028-12-31'],
  ['每周', null, 'RECURRING', null, ['WEEK', 1, 0]],
  ['每季度', null, 'RECURRING', null, ['QUARTER', 1, 0]],
  ['每半年', null, 'RECURRING', null, ['HALF_YEAR', 1, 0]],
  ['每月不少于2次', null, 'RECURRING', null, ['MONTH', 2, 0]],
  ['每月不少于1次', null, 'RECURRING', null, ['MONTH', 1, 0]],
  ['12月15日前完成，并长期坚持', 2025, 'DUE_THEN_ONGOING', '2025-12-15'],
];

describe('the deadline grammar (完成时限)', () => {
  it.each([...PRINTED, ...TYPED].map(([text, year, kind, due, recurrence]) => ({ text, year, kind, due, recurrence: recurrence ?? null })))(
    'reads $text (year $year) as $kind $due',
    ({ text, year, kind, due, recurrence }) => {
      const read = readDeadline(text, { year });
      expect(read).toEqual({
        printed: text,
        kind,
        due,
        recurrence: recurrence ? { unit: recurrence[0], times: recurrence[1], lagMonths: recurrence[2] } : null,
        yearFromContext: expect.any(Boolean),
        from: kind === 'ONGOING' && text.startsWith('自') ? `${text.slice(1, 5)}-01-01` : null,
      });
    },
  );

  it('says when the year came from the plan, not the text', () => {
    expect(readDeadline('11月15日前完成', { year: 2024 }).yearFromContext).toBe(true);
    expect(readDeadline('2024年11月15日前完成', { year: 2020 })).toMatchObject({ due: '2024-11-15', yearFromContext: false });
  });

  it.each([
    ['12月15日前完成', null, 'YEAR_REQUIRED'],
    ['年底前', null, 'YEAR_REQUIRED'],
    ['五年', null, 'YEAR_REQUIRED'],
    ['2025年2月30日', null, 'BAD_DATE'],
    ['2025年13月底', null, 'BAD_DATE'],
    ['2025-04-31', null, 'BAD_DATE'],
    ['1999年底', null, 'BAD_DATE'],
    ['下月', 2025, 'UNKNOWN_DEADLINE'],
    ['尽快', 2025, 'UNKNOWN_DEADLINE'],
    ['', 2025, 'UNKNOWN_DEADLINE'],
    ['每月15日前', 2025, 'UNKNOWN_DEADLINE'],
    ['每周第一个月的月底前', 2025, 'UNKNOWN_DEADLINE'],
    ['2024年完成，2025年巩固', 2025, 'UNKNOWN_DEADLINE'],
    ['2025年完成3个', 2025, 'UNKNOWN_DEADLINE'],
    ['11月底前群众满意度明显提升', 2024, 'UNKNOWN_DEADLINE'],
  ])('refuses %s (year %s) as %s', (text, year, code) => {
    expect(() => readDeadline(text, { year })).toThrow(expect.objectContaining({ code }));
  });

  it('agrees with every deadline the seeds hold, read in the year of their document', () => {
    const seeds = path.resolve(__dirname, '../../seeds');
    const json = (f: string) => JSON.parse(fs.readFileSync(path.join(seeds, f), 'utf8'));
    const docs = json('documents.json') as Array<{ key: string; issueDate: string | null; validFrom: string | null }>;
    // 002 and 003 print no date: their deadlines name their years
    const yearOf = (doc: string) => {
      const d = docs.find((x) => x.key === doc)!;
      const day = d.issueDate ?? d.validFrom;
      return day ? Number(day.slice(0, 4)) : null;
    };
    const pairs: Array<{ text: string; due: string | null; doc: string }> = [];
    for (const i of json('indicators.json').indicators) if (i.deadlineText) pairs.push({ text: i.deadlineText, due: i.deadline, doc: i.source.document });
    const actions = json('actions-004.json');
    for (const a of actions.actions) {
      for (const g of a.goalDeadlines) pairs.push({ text: g.text, due: g.due, doc: actions.document });
      for (const m of a.measures) for (const ms of m.milestones) pairs.push({ text: ms.deadlineText, due: ms.due, doc: actions.document });
    }
    for (const t of actions.targets) pairs.push({ text: t.dueText, due: t.due, doc: actions.document });
    expect(pairs.length).toBeGreaterThan(40);
    for (const p of pairs) {
      // a seed read as having no fixed day ("至2024年11月初": the note in actions-004.json) is one the grammar refuses or reads as ongoing
      let due: string | null;
      try {
        due = readDeadline(p.text, { year: yearOf(p.doc) }).due;
      } catch {
        due = null;
      }
      expect([p.text, due]).toEqual([p.text, p.due]);
    }
    expect(() => readDeadline('至2024年11月初', { year: 2024 })).toThrow(expect.objectContaining({ code: 'UNKNOWN_DEADLINE' }));
  });

  it('cuts a recurrence into its periods, each due at its end or the month after', () => {
    expect(recurrencePeriods({ unit: 'QUARTER', times: 1, lagMonths: 0 }, '2025-07-01', '2025-09-30')).toEqual([{ key: '2025Q3', starts: '2025-07-01', ends: '2025-09-30', due: '2025-09-30' }]);
    expect(recurrencePeriods({ unit: 'QUARTER', times: 1, lagMonths: 1 }, '2025-10-01', '2025-12-31')).toEqual([{ key: '2025Q4', starts: '2025-10-01', ends: '2025-12-31', due: '2026-01-31' }]);
    expect(recurrencePeriods({ unit: 'MONTH', times: 1, lagMonths: 0 }, '2025-01-15', '2025-03-01').map((p) => [p.key, p.due])).toEqual([
      ['2025-01', '2025-01-31'],
      ['2025-02', '2025-02-28'],
      ['2025-03', '2025-03-31'],
    ]);
    expect(recurrencePeriods({ unit: 'HALF_YEAR', times: 1, lagMonths: 0 }, '2025-01-01', '2025-12-31').map((p) => p.key)).toEqual(['2025H1', '2025H2']);
    expect(recurrencePeriods({ unit: 'YEAR', times: 1, lagMonths: 0 }, '2024-06-01', '2025-01-01').map((p) => p.key)).toEqual(['2024', '2025']);
    const weeks = recurrencePeriods({ unit: 'WEEK', times: 1, lagMonths: 0 }, '2025-01-01', '2025-01-31');
    expect(weeks[0]).toEqual({ key: '2025W01', starts: '2024-12-30', ends: '2025-01-05', due: '2025-01-05' });
    expect(weeks).toHaveLength(5);
  });
});
