import printed from '../../seeds/tasklist-000.json';
import { normaliseTaskList, splitUnits, unwrap } from '../src/modules/task/task-list.parser';

describe("000's task list as printed, normalised", () => {
  const keyWorks = normaliseTaskList(printed.rows);
  const items = keyWorks.flatMap((k) => k.targets.flatMap((t) => t.items));

  it('keeps all 22 rows, in order, under 4 key works and 11 targets', () => {
    expect(items).toHaveLength(22);
    expect(items.map((i) => i.row)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(keyWorks.map((k) => `${k.number}、${k.title}`)).toEqual(['一、建立完善长效工作机制', '二、持续深化物业党建联建', '三、推进规范化物业服务', '四、推进物业管理提质增效']);
    expect(keyWorks.map((k) => k.targets.length)).toEqual([3, 2, 3, 3]);
  });

  it('merges headings repeated across page breaks and keeps the second spelling of key work 一 as an alias', () => {
    expect(keyWorks[0].aliases).toEqual(['建立完善长效工作运转机制']);
    const linkage = keyWorks[0].targets[2];
    expect(linkage.title).toBe('建立联动协作机制');
    expect(linkage.items.map((i) => i.page)).toEqual([1, 1, 2, 2, 2, 2]);
    expect(keyWorks[1].targets[1]).toMatchObject({ number: '二', title: '细化创建标准，健全完善制度' });
    expect(keyWorks[1].targets[1].items).toHaveLength(3);
  });

  it('reads the last row, printed one column to the left, as a task of 营造浓厚氛围', () => {
    const last = items[21];
    expect(keyWorks[3].targets[2].title).toBe('营造浓厚氛围');
    expect(keyWorks[3].targets[2].items.at(-1)).toBe(last);
    expect(last.content).toBe('引导物业服务企业开展物业品牌和党建项目创建，通过新闻媒体等平台开展宣传。');
    expect(last).toMatchObject({ units: ['党建办', '社区发展办', '社会事务办'], allCommunities: true, deadline: { kind: 'ONGOING', due: null } });
  });

  it('splits 责任单位 cells and keeps 各社区 as a flag', () => {
    expect(splitUnits('综合执法队、青阳市管所、社区发展办和安办等部门，各社区')).toEqual({
      units: ['综合执法队', '青阳市管所', '社区发展办', '安办'],
      allCommunities: true,
    });
    expect(splitUnits('党建办、社区发展办 综合执法队、安办 各社区').units).toEqual(['党建办', '社区发展办', '综合执法队', '安办']);
    expect(items.filter((i) => !i.allCommunities).map((i) => i.row)).toEqual([1, 11]);
  });

  it('types the deadlines and keeps the printed text beside the date', () => {
    // read by the one deadline grammar (common/deadline.ts; its table is api/test/deadline.test.ts)
    expect(items.map((i) => [i.deadline.printed, i.deadline.due]).filter(([, due]) => due)).toEqual([
      ['2024年完成，并长期坚持', '2024-12-31'],
      ['2024年完成，并长期坚持', '2024-12-31'],
      ['2025年基本实现全覆盖', '2025-12-31'],
    ]);
    expect(items.map((i) => i.deadline.kind).filter((k) => k !== 'ONGOING')).toEqual(['DUE_THEN_ONGOING', 'DUE_THEN_ONGOING', 'DUE']);
  });

  it('removes the wraps inside Chinese cells only', () => {
    expect(unwrap('二、持续深化 物业党建联 建')).toBe('二、持续深化物业党建联建');
    expect(unwrap('(二) 细化创建 标准，健全完 善制度')).toBe('(二) 细化创建标准，健全完善制度');
  });
});
