import { MODULES } from '../../../src/modules';
import { collectKinds, fill, placeholdersOf } from '../../../src/modules/notification/notification.kinds';
import { en, zh } from '../../console-messages';

/** Notification kinds: declared by the sending modules, translated by the console in both languages with the kind's own parameters. */
describe('notification kinds', () => {
  const kinds = collectKinds(MODULES);
  const consoleKinds = (catalog: typeof zh) => ((catalog.notifications as Record<string, unknown> | undefined)?.kinds ?? {}) as Record<string, string>;

  it('are declared by the modules that send them (payouts, complaints)', () => {
    expect([...kinds].map(([k, d]) => [k, d.owner])).toEqual(
      expect.arrayContaining([
        ['PAYOUT_SUBMITTED', 'incentive'],
        ['COMPLAINT_ASSIGNED', 'complaint'],
        ['COMPLAINT_RETURNED', 'complaint'],
      ]),
    );
  });

  it('each have a console line in Chinese and English using only the kind’s parameters, and the console translates no undeclared kind', () => {
    const problems: string[] = [];
    for (const [lang, catalog] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      const lines = consoleKinds(catalog);
      for (const [kind, decl] of kinds) {
        const line = lines[kind];
        if (typeof line !== 'string') problems.push(`${lang}: no notifications.kinds.${kind} (declared by ${decl.owner})`);
        else for (const p of placeholdersOf(line)) if (!decl.params.includes(p)) problems.push(`${lang}: notifications.kinds.${kind} uses %{${p}}, not a parameter of the kind`);
      }
      for (const kind of Object.keys(lines)) if (!kinds.has(kind)) problems.push(`${lang}: notifications.kinds.${kind} translates a kind no module declares`);
    }
    expect(problems).toEqual([]);
  });

  it('refuses a kind declared twice, misnamed, or whose line uses a parameter it does not declare', () => {
    const decl = { description: 'x', params: ['a'], title: '%{a}' };
    expect(() =>
      collectKinds([
        { name: 'one', notificationKinds: { SAME: decl } },
        { name: 'two', notificationKinds: { SAME: decl } },
      ]),
    ).toThrow(/declared twice \(one and two\)/);
    expect(() => collectKinds([{ name: 'one', notificationKinds: { lower: decl } }])).toThrow(/capitals/);
    expect(() => collectKinds([{ name: 'one', notificationKinds: { K: { ...decl, title: '%{a} %{b}' } } }])).toThrow(/uses b/);
    expect(fill('%{a}：%{b}', { a: '甲' })).toBe('甲：%{b}');
  });
});
