import { type DataSource, type EntitySubscriberInterface, EventSubscriber, type InsertEvent, type ObjectLiteral, type UpdateEvent } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { dateProblem } from './dates';
import { badInput } from './errors';
import type { Reason } from './reasons';

/*
 * What a column can hold, checked in one place for every row written (CRUD, workflows, imports,
 * seeds), from the entities' own metadata, the way MySQL/MariaDB with utf8mb4 counts:
 * - VARCHAR(n) holds n characters, a character being a code point: 𠀀 (U+20000, CJK Extension B) is
 *   one character although JavaScript's .length says 2;
 * - TEXT holds 65,535 bytes of UTF-8 (an Extension-B character is 4 of them);
 * - DECIMAL(p, s) holds p − s digits before the point; INT is 32-bit.
 * SQLite enforces none of this, so without the check a value would be kept on one database and be a
 * server error on the other. Control characters other than tab, line feed and carriage return are
 * refused in every text: they are invisible, and the audit trail's JSON writes each as six bytes.
 */

export const LimitReason = {
  TOO_LONG: 'TOO_LONG',
  CONTROL_CHARACTER: 'CONTROL_CHARACTER',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
} as const;

const TEXT_BYTES: Record<string, number> = { tinytext: 255, text: 65_535, mediumtext: 16_777_215, longtext: 4_294_967_295, 'simple-json': 65_535, 'simple-array': 65_535 };
const INT_RANGE: Record<string, [number, number]> = {
  int: [-2_147_483_648, 2_147_483_647],
  integer: [-2_147_483_648, 2_147_483_647],
  smallint: [-32_768, 32_767],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * Columns MySQL stores wider than the entity's portable type says (migration 1764288000000): the audit
 * trail's snapshots are MEDIUMTEXT there, since one audited row may hold several full TEXT columns,
 * JSON-escaped. SQLite's TEXT has no limit, so the entities keep `text`.
 */
export const WIDER_ON_MYSQL: ReadonlyArray<{ entity: string; property: string; type: 'mediumtext' }> = [
  { entity: 'AuditEvent', property: 'beforeJson', type: 'mediumtext' },
  { entity: 'AuditEvent', property: 'afterJson', type: 'mediumtext' },
];

/** Gives the WIDER_ON_MYSQL columns their MySQL type, once the data source has built its metadata. */
export function applyMysqlColumnTypes(ds: DataSource): void {
  if (!['mysql', 'mariadb'].includes(ds.options.type)) return;
  for (const w of WIDER_ON_MYSQL) {
    const column = ds.entityMetadatas.find((m) => m.targetName === w.entity)?.findColumnWithPropertyName(w.property);
    if (column) column.type = w.type;
  }
}

const mysqlType = (metadata: EntityMetadata, column: ColumnMetadata): string =>
  WIDER_ON_MYSQL.find((w) => w.entity === metadata.targetName && w.property === column.propertyName)?.type ?? String(column.type);

/** C0 controls except tab, LF and CR; DEL; and UTF-16 halves that are not a pair (not a character at all). */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const BAD_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters as MySQL counts them in utf8mb4: code points. */
export const charCount = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export const byteCount = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Why a text cannot be stored anywhere (a control character), or null. */
export function textProblem(value: string): { reason: Reason; text: string } | null {
  const m = BAD_CHARACTER.exec(value);
  if (!m) return null;
  const code = m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { reason: LimitReason.CONTROL_CHARACTER, text: `contains a control or invalid character (U+${code}) at position ${charCount(value.slice(0, m.index)) + 1}` };
}

/** Why `value` does not fit `column` (reason, English text after the field name, figures), or null. */
export function columnProblem(metadata: EntityMetadata, column: ColumnMetadata, value: unknown): { reason: Reason; text: string; extra?: ObjectLiteral } | null {
  if (value === null || value === undefined || typeof value === 'function') return null;
  const type = mysqlType(metadata, column);
  if (typeof value === 'string') {
    const bad = textProblem(value);
    if (bad) return bad;
  }
  if (type === 'varchar' || type === 'char' || type === 'nvarchar') {
    const max = Number(column.length || 255);
    const n = typeof value === 'string' ? charCount(value) : 0;
    return n > max ? { reason: LimitReason.TOO_LONG, text: `is ${n} characters long; at most ${max} fit`, extra: { maxLength: max, length: n } } : null;
  }
  if (type in TEXT_BYTES) {
    const stored = typeof value === 'string' ? value : JSON.stringify(value);
    if (typeof value !== 'string') for (const s of strings(value)) if (textProblem(s)) return textProblem(s);
    const max = TEXT_BYTES[type];
    const bytes = byteCount(stored);
    return bytes > max ? { reason: LimitReason.TOO_LONG, text: `is ${bytes} bytes long in UTF-8 (a CJK character takes 3 or 4); at most ${max} fit`, extra: { maxBytes: max, bytes } } : null;
  }
  if (type === 'decimal' || type === 'numeric') return decimalProblem(value, column.precision ?? 10, column.scale ?? 0);
  if (type in INT_RANGE && !column.isGenerated) {
    const [min, max] = INT_RANGE[type];
    const n = Number(value);
    return Number.isInteger(n) && n >= min && n <= max ? null : { reason: LimitReason.OUT_OF_RANGE, text: `must be a whole number from ${min} to ${max}`, extra: { min, max } };
  }
  if (type === 'date' && typeof value === 'string') return dateProblem(value);
  return null;
}

function decimalProblem(value: unknown, precision: number, scale: number) {
  const n = Number(value);
  const limit = 10 ** (precision - scale);
  // MySQL rounds to the scale first: 999.995 in DECIMAL(5,2) is 1000.00, which does not fit.
  const rounded = Number.isFinite(n) ? Math.abs(Math.round(n * 10 ** scale) / 10 ** scale) : Infinity;
  if (rounded < limit) return null;
  const max = (limit - 10 ** -scale).toFixed(scale);
  return { reason: LimitReason.OUT_OF_RANGE, text: `must be a number from -${max} to ${max}`, extra: { max: Number(max) } };
}

function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

/** Throws BAD_USER_INPUT naming the first property of `row` that its column cannot hold. */
export function checkRow(metadata: EntityMetadata, row: ObjectLiteral, only?: readonly ColumnMetadata[]): void {
  for (const column of only ?? metadata.columns) {
    const value = column.getEntityValue(row);
    const p = columnProblem(metadata, column, value);
    if (p) throw badInput(column.propertyName, `${column.propertyName} ${p.text}`, p.reason, p.extra);
  }
}

/**
 * The check on every insert and update TypeORM performs (save, insert, update; not raw SQL). An update
 * through save() checks the columns that changed, so a row stored before a limit existed can still
 * be edited elsewhere.
 */
@EventSubscriber()
export class InputLimitsSubscriber implements EntitySubscriberInterface<ObjectLiteral> {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    if (event.entity) checkRow(event.metadata, event.entity);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    if (!event.entity) return;
    checkRow(event.metadata, event.entity as ObjectLiteral, event.databaseEntity ? event.updatedColumns : undefined);
  }
}
