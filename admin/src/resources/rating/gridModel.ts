import type { Failure } from '../../dataProvider/errors';
import type { GridRatingFragment, UpdateRatingMutationVariables } from '../../graphql/generated';
import type { Criterion } from './schemes';

/*
 * The score grid's rows: what the server has (a Rating with its computed result), what the office
 * has typed over it (a Draft of strings, as in a spreadsheet), and how a draft becomes one
 * updateRating call. Kept apart from the component so the rules read in one place.
 */

/** A row as the server has it: the GridRating fragment (gridModel.graphql) the grid's reads and writes answer. */
export type GridRating = GridRatingFragment;

/** A row as typed: a score per criterion id, the dissatisfaction rate, the negative-list entry. */
export interface Draft {
  scores: Record<string, string>;
  dissatisfactionRate: string;
  onNegativeList: boolean;
  negativeListNote: string;
}

/** Keys of a row's cells, for errors and focus: score:<criterionId>, dissatisfactionRate, onNegativeList, negativeListNote; `row` for the rest. */
export const scoreKey = (criterionId: string) => `score:${criterionId}`;

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

export function draftOf(r: GridRating): Draft {
  return {
    scores: Object.fromEntries(r.scores.map((s) => [s.criterionId, num(s.score)])),
    dissatisfactionRate: num(r.dissatisfactionRate),
    onNegativeList: r.onNegativeList,
    negativeListNote: r.negativeListNote ?? '',
  };
}

/** A number as the office types it: digits with an optional decimal part (full-width digits and a trailing % allowed). */
function parseNumber(text: string): number | null | 'bad' {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[%％]$/, '')
    .trim();
  if (!t) return null;
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : 'bad';
}

export interface Plan {
  /** updateRating's arguments beside id, only those that changed (one left out is not sent); empty when nothing changed. */
  variables: Omit<UpdateRatingMutationVariables, 'id'>;
  /** The criterion of each score sent, in order: scores.N in a server error names the N-th. */
  sent: string[];
  /** Refused before anything is sent: cell key → message key. */
  errors: Record<string, string>;
}

/**
 * What saving a draft sends: the scores that differ from the server's, and the other inputs that
 * changed. Ranges (0 to the criterion's maximum, two decimals) are the server's to check, so its
 * messages show at the cell; here only what cannot be sent at all is refused.
 */
export function planSave(r: GridRating, d: Draft, criteria: Criterion[]): Plan {
  const errors: Record<string, string> = {};
  const scores: Array<{ criterionId: string; score: number }> = [];
  const had = new Map(r.scores.map((s) => [s.criterionId, s.score]));
  for (const c of criteria) {
    const value = parseNumber(d.scores[c.id] ?? '');
    if (value === 'bad') errors[scoreKey(c.id)] = 'app.ratings.errors.not_a_number';
    else if (value === null) {
      // the API keeps a score once given (updateRating sets scores, it cannot remove one)
      if (had.has(c.id)) errors[scoreKey(c.id)] = 'app.ratings.errors.cannot_clear';
    } else if (had.get(c.id) !== value) scores.push({ criterionId: c.id, score: value });
  }
  const variables: Plan['variables'] = {};
  const rate = parseNumber(d.dissatisfactionRate);
  if (rate === 'bad') errors.dissatisfactionRate = 'app.ratings.errors.not_a_number';
  else if (rate !== r.dissatisfactionRate) variables.dissatisfactionRate = rate;
  if (d.onNegativeList !== r.onNegativeList) variables.onNegativeList = d.onNegativeList;
  const note = d.negativeListNote.trim();
  if (note !== (r.negativeListNote ?? '')) variables.negativeListNote = note || null;
  if (scores.length) variables.scores = scores;
  return { variables, sent: scores.map((s) => s.criterionId), errors };
}

/** A refused save's field errors, by cell: scores.N.score is the N-th score sent. */
export function cellErrors(f: Failure, sent: string[], fallback: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(f.body?.errors ?? {})) {
    const m = /^scores\.(\d+)\./.exec(field);
    if (m && sent[Number(m[1])]) out[scoreKey(sent[Number(m[1])])] = message;
    else if (['dissatisfactionRate', 'onNegativeList', 'negativeListNote'].includes(field)) out[field] = message;
    else out.row = message;
  }
  if (!Object.keys(out).length) out.row = fallback;
  return out;
}

/**
 * After a save: the server's values where the cell still holds what was sent, the office's newer
 * typing where it changed meanwhile (typing goes on while a row saves).
 */
export function mergeDraft(saved: Draft, sentDraft: Draft, current: Draft): Draft {
  const pick = <T>(server: T, sent: T, now: T) => (sent === now ? server : now);
  const scores: Record<string, string> = { ...saved.scores };
  for (const k of new Set([...Object.keys(current.scores), ...Object.keys(sentDraft.scores)])) {
    scores[k] = pick(saved.scores[k] ?? '', sentDraft.scores[k] ?? '', current.scores[k] ?? '');
  }
  return {
    scores,
    dissatisfactionRate: pick(saved.dissatisfactionRate, sentDraft.dissatisfactionRate, current.dissatisfactionRate),
    onNegativeList: pick(saved.onNegativeList, sentDraft.onNegativeList, current.onNegativeList),
    negativeListNote: pick(saved.negativeListNote, sentDraft.negativeListNote, current.negativeListNote),
  };
}

/**
 * Saves under way in any grid: the preview waits for them, so a tab switched right after typing
 * shows what was typed.
 */
export const pendingSaves = new Set<Promise<unknown>>();
export const settled = () => Promise.allSettled([...pendingSaves]);
