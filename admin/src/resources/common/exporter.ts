import type { Exporter, FetchRelatedRecords, RaRecord, TranslateFunction as Translate } from 'react-admin';
import { withoutFenUnit } from '../incentive/money';
import { formatDayTime, isMoment, today } from './dates';
import { enumOf, fieldsOf, named, referenceOf } from './enums';
import { toCsv, xlsxBuffer, type Sheet } from './exportCells';

/** What names a record in a sheet, the first one it has: a document by its 文号 (else its title), a clause by its number. */
const LABELS = ['name', 'docNumber', 'number', 'displayName', 'title', 'username'];
/** A record's name; one without (an award case) goes by the first named record it carries (its compound). */
function labelOf(record: unknown): string | undefined {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const r = record as Record<string, unknown>;
  const own = LABELS.find((k) => r[k] !== null && r[k] !== undefined && r[k] !== '');
  if (own) return String(r[own]);
  for (const v of Object.values(r)) {
    const inner = labelOf(v);
    if (inner) return inner;
  }
  return undefined;
}
const LEFT_OUT = new Set(['id', 'createdAt', 'updatedAt', 'version', 'before', 'after', 'nextStatuses', 'nextMoves']);

/** Nested objects a screen asked for (dataProvider/selections.ts) are not columns. */
const nested = (v: unknown) => v !== null && typeof v === 'object' && !(Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));

export type { Sheet };

/** What makes a sheet of records (toSheet, or a list's own: the audit trail's sentences). */
export type SheetOf = (records: RaRecord[], resource: string, fetchRelated: FetchRelatedRecords, translate: Translate, locale: string) => Promise<Sheet>;

/**
 * The records as a table an office can read: translated headers, names for references (and no
 * internal ids: a record's own id and an xId that names no type are left out), labels for enums,
 * 是/否 for booleans, timestamps as the day and time in China, amounts in yuan.
 */
export const toSheet: SheetOf = async (records, resource, fetchRelated, translate, locale) => {
  // related records (the schema's object fields) are not columns, even where every row has none
  const related = new Set(
    fieldsOf(resource)
      .filter((f) => named(f).kind === 'OBJECT')
      .map((f) => f.name),
  );
  const fields = [...new Set(records.flatMap((r) => Object.keys(r)))].filter(
    (f) => !LEFT_OUT.has(f) && !f.startsWith('__') && !related.has(f) && !records.some((r) => nested(r[f])) && !(f.endsWith('Id') && !referenceOf(resource, f)),
  );
  // a reference (xId) reads as the name of the record x: carried by the records (dataProvider/selections.ts) or fetched
  const nameOf: Record<string, (r: RaRecord) => string | undefined> = {};
  for (const f of fields) {
    const target = referenceOf(resource, f);
    if (!target) continue;
    const carried = f.slice(0, -2);
    if (records.every((r) => carried in r)) {
      nameOf[f] = (r) => labelOf(r[carried]);
    } else {
      const fetched = (await fetchRelated(records, f, target).catch(() => ({}))) as Record<string, RaRecord>;
      nameOf[f] = (r) => labelOf(fetched[r[f]]);
    }
  }
  const label = (value: unknown, enumName: string) => (value == null ? null : translate(`enums.${enumName}.${value}`, { _: String(value) }));
  const rows = records.map((r) =>
    fields.map((f) => {
      const v = r[f];
      if (nameOf[f]) return v == null ? null : (nameOf[f](r) ?? String(v));
      const enumName = enumOf(resource, f);
      if (enumName) return label(v, enumName);
      if (Array.isArray(v)) return v.join('、');
      if (v !== null && typeof v === 'object') return JSON.stringify(v);
      if (typeof v === 'boolean') return translate(`ra.boolean.${v}`);
      if (isMoment(v)) return formatDayTime(v, locale);
      if (typeof v === 'number' && f.endsWith('Fen')) return v / 100;
      return (v as string | number | null) ?? null;
    }),
  );
  const header = (f: string) => {
    const label = translate(`resources.${resource}.fields.${f}`, { _: f });
    return f.endsWith('Fen') ? `${withoutFenUnit(label)}${translate('app.export.in_yuan')}` : label;
  };
  return { headers: fields.map(header), rows };
};

function download(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => {
    URL.revokeObjectURL(a.href);
    a.remove();
  }, 1000);
}

const fileName = (resource: string, translate: Translate, ext: string) => `${translate(`resources.${resource}.name`, { smart_count: 2, _: resource })}-${today()}.${ext}`;

/** CSV with a BOM, so Excel opens the Chinese text correctly. */
export const csvExporter =
  (translate: Translate, locale: string, sheetOf: SheetOf = toSheet): Exporter =>
  async (records, fetchRelated, _dp, resource) => {
    const sheet = await sheetOf(records, resource as string, fetchRelated, translate, locale);
    const text = toCsv([sheet.headers, ...sheet.rows]);
    download(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), fileName(resource as string, translate, 'csv'));
  };

/** One sheet as an xlsx download; `formats` sets a column's number format (e.g. '#,##0.00'). */
export async function downloadXlsx(sheet: Sheet, sheetName: string, filename: string, formats: Record<number, string> = {}): Promise<void> {
  const buffer = await xlsxBuffer(sheet, sheetName, formats);
  download(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
}

export const xlsxExporter =
  (translate: Translate, locale: string, sheetOf: SheetOf = toSheet): Exporter =>
  async (records, fetchRelated, _dp, resource) => {
    const sheet = await sheetOf(records, resource as string, fetchRelated, translate, locale);
    await downloadXlsx(sheet, translate(`resources.${resource}.name`, { smart_count: 2, _: resource as string }), fileName(resource as string, translate, 'xlsx'));
  };
