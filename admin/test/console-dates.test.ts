import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * One date format on the console's screens (issue 17: 2024/12/31, 2023-11-01 and UTC side by side):
 * days and moments go through DayField / formatAt / formatDay (common/dates.ts, common/fields.tsx),
 * never react-admin's DateField (the browser's locale format and time zone) or a TextField on a day.
 */
const SRC = join(__dirname, '..', 'src');
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.tsx') ? [join(dir, n)] : []));

describe('dates on the console’s screens', () => {
  const sources = files(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8')] as const);

  it('finds the screens (the scan itself)', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some(([, s]) => s.includes('<DayField source="dueOn"'))).toBe(true);
  });

  it('shows no day through react-admin’s DateField', () => {
    expect(sources.filter(([, s]) => /<DateField\b/.test(s)).map(([f]) => f)).toEqual([]);
  });

  it('shows no day or moment as raw text (a TextField on …On, …At, …Date, validFrom, validTo)', () => {
    // a working group's hostedAt is where it sits (牵头单位), not a time
    const raw = sources.flatMap(([f, s]) => [...s.matchAll(/<TextField source="([\w.]*(On|At|Date)|validFrom|validTo)"/g)].filter((m) => m[1] !== 'hostedAt').map((m) => `${f}: ${m[1]}`));
    expect(raw).toEqual([]);
  });
});
