/*
 * Before measuring: every operation asked of both servers with every variable set, and the answers
 * compared byte for byte (the JSON bodies as sent). A difference fails the run.
 */
import type { Operation } from './workload';

export interface Comparison {
  key: string;
  compared: number;
  different: number;
  /** The first difference: the variables and where the bodies part. */
  example?: string;
}

export async function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

function whereTheyPart(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at byte ${i}: ours …${a.slice(Math.max(0, i - 80), i + 120)}…\n  baseline …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}

export async function compare(op: Operation, ours: string, base: string, headers: Record<string, string>): Promise<Comparison> {
  const out: Comparison = { key: op.key, compared: 0, different: 0 };
  for (const variables of op.variables) {
    const body = JSON.stringify({ query: op.document, variables });
    const [a, b] = await Promise.all([post(ours + op.endpoint, headers, body), post(base + op.endpoint, headers, body)]);
    out.compared++;
    const failed = a.status !== 200 || a.text.includes('"errors"');
    if (a.text !== b.text || a.status !== b.status || failed) {
      out.different++;
      out.example ??= `${op.key} ${JSON.stringify(variables)}: ${failed ? `our API answered an error (${a.status}): ${a.text.slice(0, 400)}` : `status ${a.status}/${b.status}, ${whereTheyPart(a.text, b.text)}`}`;
    }
  }
  return out;
}
