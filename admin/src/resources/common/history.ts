/*
 * 修改记录 in plain language: an audit event (api/src/modules/audit) as one sentence with names and
 * labels, and its field-by-field details, in the reader's language. The sentence of each action is
 * `app.history.actions.<ACTION>` (api/test/audit-actions.test.ts checks every action the API records
 * has one in both languages); what it may say is the parameters `sentence` gives it (PARAMS).
 */
import type { HistoryEventFragment } from '../../graphql/generated';
import { formatFen, withoutFenUnit } from '../incentive/money';
import { chinaDayOf, formatDay, formatDayTime, isDay, isMoment } from './dates';
import { enumOf } from './enums';

export type HistoryEvent = HistoryEventFragment;
type Reference = HistoryEvent['references'][number];
type Snapshot = Record<string, unknown>;
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The parameters a sentence may use (the test of the catalog checks no sentence uses another). */
export const PARAMS = ['actor', 'type', 'name', 'changes', 'note', 'date', 'count', 'summary', 'successor', 'predecessor', 'seats', 'role', 'revision'] as const;
type Params = Record<(typeof PARAMS)[number], string | number>;

/** Keys of a snapshot that are bookkeeping, not facts: never listed as a change. */
const HIDDEN = new Set(['id', 'createdAt', 'updatedAt', 'version']);
/** Keys a snapshot names its record by, when the API gives no name (a deleted record, a failed sign-in). */
const NAME_KEYS = ['name', 'title', 'displayName', 'username', 'recipientName', 'subjectName', 'summary', 'fileName', 'code'];
/** The day a step or report is about: a workflow move's `date`, a report's day. */
const DAY_KEYS = ['date', 'reportDate', 'heldOn'];
/** At most this many changes are spelt out in a sentence; the details list them all. */
const MAX_CHANGES = 4;
const MAX_TEXT = 60;
const MISSING = '\u0000';

const empty = (v: unknown) => v === null || v === undefined || v === '';
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const snapshot = (v: unknown): Snapshot => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Snapshot) : {});

/** What an event says, ready to show: its time, its sentence, and the details behind it. */
export interface Described {
  at: string;
  sentence: string;
  details: Array<{ field: string; label: string; before: string; after: string }>;
}

export class HistoryReader {
  private readonly refs: Map<string, Reference>;
  private readonly before: Snapshot;
  private readonly after: Snapshot;

  constructor(
    private readonly e: HistoryEvent,
    private readonly t: Translate,
    private readonly locale: string,
  ) {
    this.refs = new Map(e.references.map((r) => [`${r.field}:${r.recordId}`, r]));
    this.before = snapshot(e.before);
    this.after = snapshot(e.after);
  }

  describe(): Described {
    return { at: formatDayTime(this.e.at, this.locale), sentence: this.sentence(), details: this.details() };
  }

  /** A field's label: the type's field label (money without its 分), else the history's own, else the key. */
  label(field: string): string {
    const own = this.t(`app.history.fields.${field}`, { _: field });
    const label = this.t(`resources.${this.e.entityType}.fields.${field}`, { _: own });
    return field.endsWith('Fen') ? withoutFenUnit(label) : label;
  }

  /** A referenced record as its name, or why it has none for this reader. */
  private reference(r: Reference): string {
    if (r.gone) return this.t('app.history.gone');
    if (!r.readable) return this.t('app.history.hidden');
    return r.name ?? `${this.t(`resources.${r.type}.name`, { smart_count: 1, _: r.type })} #${r.recordId}`;
  }

  /** A value of a snapshot as a reader reads it: names for ids, yuan for fen, labels for enums, 是/否, dates, counts for lists; long text cut short in a sentence, whole in the details. */
  value(field: string, v: unknown, short = true): string {
    if (empty(v)) return '—';
    const ref = this.refs.get(`${field}:${String(v)}`);
    if (ref) return this.reference(ref);
    if (typeof v === 'boolean') return this.t(v ? 'app.history.yes' : 'app.history.no');
    if (typeof v === 'number' && field.endsWith('Fen')) return formatFen(v, this.locale);
    if (Array.isArray(v)) return this.t(`app.history.counts.${field}`, { smart_count: v.length, _: this.t('app.history.counts.items', { smart_count: v.length }) });
    if (typeof v === 'object') return this.t('app.history.counts.details', { smart_count: Object.keys(v as object).length });
    const enumName = typeof v === 'string' ? enumOf(this.e.entityType, field) : undefined;
    if (enumName) return this.t(`enums.${enumName}.${String(v)}`, { _: String(v) });
    if (isDay(v)) return formatDay(v, this.locale);
    if (isMoment(v)) return formatDayTime(v, this.locale);
    const text = String(v);
    return short && text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
  }

  /** The fields whose value differs between before and after (for a creation: what it was created with). */
  private changed(): string[] {
    const keys = [...new Set([...Object.keys(this.before), ...Object.keys(this.after)])];
    return keys.filter((k) => !HIDDEN.has(k) && !same(this.before[k], this.after[k]) && !(empty(this.before[k]) && empty(this.after[k])));
  }

  details(): Described['details'] {
    return this.changed().map((field) => ({ field, label: this.label(field), before: this.value(field, this.before[field], false), after: this.value(field, this.after[field], false) }));
  }

  /** "将 状态 由 已受理 改为 已转办，将 备注 设为 …" (the first few; "等 N 项" for the rest). */
  private changes(): string {
    const fields = this.changed();
    if (!fields.length) return this.t('app.history.no_change');
    const parts = fields.slice(0, MAX_CHANGES).map((f) => {
      const [b, a] = [this.before[f], this.after[f]];
      const args = { field: this.label(f), before: this.value(f, b), after: this.value(f, a) };
      return this.t(empty(b) ? 'app.history.set' : empty(a) ? 'app.history.cleared' : 'app.history.change', args);
    });
    const more = fields.length > MAX_CHANGES ? this.t('app.history.more', { smart_count: fields.length }) : '';
    return parts.join(this.t('app.history.separator')) + more;
  }

  /** The record's name: as the API names it, else as its snapshot does, else its type and id. */
  private subject(): string {
    const own = this.e.references.find((r) => r.field === '');
    if (own?.readable && own.name) return own.name;
    for (const s of [this.after, this.before]) for (const k of NAME_KEYS) if (typeof s[k] === 'string' && s[k]) return String(s[k]);
    return own && !own.readable && !own.gone ? this.t('app.history.hidden') : `#${this.e.entityId}`;
  }

  private named(field: string, side: Snapshot): string {
    return empty(side[field]) ? '' : this.value(field, side[field]);
  }

  /** "12 行（新增 2，修改 1，未变 9）" or "任务 12 项、分派 30 项": what an import wrote. */
  private summary(): string {
    const n = (k: string) => (typeof this.after[k] === 'number' ? (this.after[k] as number) : Array.isArray(this.after[k]) ? (this.after[k] as unknown[]).length : null);
    const [added, changed, unchanged] = [n('added'), n('changed'), n('unchanged')];
    if (added !== null && changed !== null && unchanged !== null) {
      const rows = this.t('app.history.summary.rows', { smart_count: added + changed + unchanged, added, changed, unchanged });
      const late = n('late');
      return late ? rows + this.t('app.history.summary.late', { smart_count: late }) : rows;
    }
    const parts = ['actions', 'tasks', 'milestones', 'assignments'].flatMap((k) => (n(k) === null ? [] : [this.t(`app.history.counts.${k}`, { smart_count: n(k) })]));
    return parts.join(this.t('app.history.list_separator'));
  }

  /** After the step's name: its day when it is not the day it was recorded, and the reason given. */
  private note(): string {
    const date = typeof this.after.date === 'string' ? this.after.date : null;
    const dated = date && date !== chinaDayOf(this.e.at) ? this.t('app.history.dated', { date: formatDay(date, this.locale) }) : '';
    const reason = typeof this.after.reason === 'string' && this.after.reason.trim() ? this.t('app.history.because', { reason: this.after.reason.trim() }) : '';
    return dated + reason;
  }

  params(): Params {
    const day = DAY_KEYS.map((k) => this.after[k]).find(isDay);
    const count = (k: string) => (Array.isArray(this.after[k]) ? (this.after[k] as unknown[]).length : typeof this.after[k] === 'number' ? (this.after[k] as number) : 0);
    const predecessor = this.named('holderId', this.before);
    return {
      actor: this.e.actorName === 'system' ? this.t('app.history.system') : this.e.actorName === 'anonymous' ? this.t('app.history.anonymous') : this.e.actorName,
      type: this.t(`resources.${this.e.entityType}.name`, { smart_count: 1, _: this.e.entityType }),
      name: this.subject(),
      changes: this.changes(),
      note: this.note(),
      date: day ? formatDay(day, this.locale) : '',
      count: count('order') || count('payouts') || count('entryCount') || count('records'),
      summary: this.summary(),
      successor: this.named('holderId', this.after),
      predecessor: predecessor ? this.t('app.history.predecessor', { name: predecessor }) : '',
      seats: count('seatIds'),
      role: typeof this.after.role === 'string' ? this.t(`enums.GroupRole.${this.after.role}`, { _: this.after.role }) : '',
      revision: typeof this.after.revision === 'number' ? this.after.revision : '',
    };
  }

  /** The event as a sentence: its action's, or the one for a move back from a state (退回重办), else a plain fallback. */
  sentence(): string {
    const params = this.params();
    const from = typeof this.before.status === 'string' ? this.before.status : null;
    // a missing sentence comes back as MISSING, never as a default that would be read again for %{…} (names and reasons are the users')
    const moved = from ? this.t(`app.history.from.${from}.${this.e.action}`, { ...params, _: MISSING }) : MISSING;
    if (moved !== MISSING) return moved;
    const plain = this.t(`app.history.actions.${this.e.action}`, { ...params, _: MISSING });
    return plain !== MISSING ? plain : this.t('app.history.unknown', { ...params, action: this.e.action });
  }
}
