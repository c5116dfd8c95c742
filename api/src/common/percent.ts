/** n of d in percent, two decimals (a fall is negative); null when d is 0 (nothing to count from). */
export const percent = (n: number, d: number): number | null => (d ? Math.round((n / d) * 10000) / 100 : null);
