import type { Exporter, FetchRelatedRecords, RaRecord, TranslateFunction as Translate } from 'react-admin';

/** *Id fields and what to show for them (the referenced record's name, not its number). */
const REFERENCES: Record<string, [resource: string, field: string]> = {
  groupId: ['WorkingGroup', 'name'],
  personId: ['Person', 'name'],
  postId: ['Post', 'title'],
  jurisdictionId: ['Jurisdiction', 'name'],
  communityId: ['Jurisdiction', 'name'],
  unitId: ['Unit', 'name'],
  hostUnitId: ['Unit', 'name'],
  propertyCompanyId: ['PropertyCompany', 'name'],
  documentId: ['PolicyDocument', 'docNumber'],
  citingDocumentId: ['PolicyDocument', 'docNumber'],
  citedDocumentId: ['PolicyDocument', 'docNumber'],
  sourceDocumentId: ['PolicyDocument', 'docNumber'],
  sourceClauseId: ['Clause', 'number'],
  clauseId: ['Clause', 'number'],
  programmeId: ['IncentiveProgramme', 'name'],
  compoundId: ['Compound', 'name'],
};
/** Enum fields, exported (and shown in the history) as their Chinese (or English) label. */
export function enumOf(resource: string, field: string): string | undefined {
  if (field === 'role') return resource === 'User' ? 'Role' : 'GroupRole';
  if (field === 'kind') return resource === 'Unit' ? 'UnitKind' : resource === 'WorkingGroup' ? 'GroupKind' : undefined;
  if (field === 'status') return { Payout: 'PayoutStatus', AwardCase: 'AwardCaseStatus' }[resource];
  return { level: 'JurisdictionLevel', managementMode: 'ManagementMode', action: 'AuditAction', trigger: 'IncentiveTrigger', recipientRole: 'RecipientRole' }[field];
}
const LEFT_OUT = new Set(['createdAt', 'updatedAt', 'before', 'after', 'nextStatuses']);
/** Nested objects a screen asked for (dataProvider/selections.ts) are not columns. */
const nested = (v: unknown) => v !== null && typeof v === 'object' && !(Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));

export interface Sheet {
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

/** The records as a table an office can read: translated headers, names for references, labels for enums. */
export async function toSheet(records: RaRecord[], resource: string, fetchRelated: FetchRelatedRecords, translate: Translate): Promise<Sheet> {
  const fields = [...new Set(records.flatMap((r) => Object.keys(r)))].filter((f) => !LEFT_OUT.has(f) && !f.startsWith('__') && !records.some((r) => nested(r[f])));
  const related: Record<string, Record<string, RaRecord>> = {};
  for (const f of fields) {
    const ref = REFERENCES[f] ?? (f === 'parentId' ? [resource, resource === 'WorkingGroup' || resource === 'Jurisdiction' ? 'name' : 'id'] : undefined);
    if (ref) related[f] = (await fetchRelated(records, f, ref[0])) as Record<string, RaRecord>;
  }
  const label = (value: unknown, enumName: string) => (value == null ? null : translate(`enums.${enumName}.${value}`, { _: String(value) }));
  const rows = records.map((r) =>
    fields.map((f) => {
      const v = r[f];
      if (related[f]) {
        const target = related[f][v as string];
        const ref = REFERENCES[f] ?? [resource, 'name'];
        return v == null ? null : String(target?.[ref[1]] ?? v);
      }
      const enumName = enumOf(resource, f);
      if (enumName) return label(v, enumName);
      if (Array.isArray(v)) return v.join('、');
      if (v !== null && typeof v === 'object') return JSON.stringify(v);
      return (v as string | number | boolean | null) ?? null;
    }),
  );
  return { headers: fields.map((f) => translate(`resources.${resource}.fields.${f}`, { _: f })), rows };
}

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

export const stamp = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const fileName = (resource: string, translate: Translate, ext: string) => `${translate(`resources.${resource}.name`, { smart_count: 2, _: resource })}-${stamp()}.${ext}`;

/** CSV with a BOM, so Excel opens the Chinese text correctly. */
export const csvExporter = (translate: Translate): Exporter => async (records, fetchRelated, _dp, resource) => {
  const sheet = await toSheet(records, resource as string, fetchRelated, translate);
  const cell = (v: unknown) => (v == null ? '' : /[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const text = [sheet.headers, ...sheet.rows].map((row) => row.map(cell).join(',')).join('\r\n');
  download(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }), fileName(resource as string, translate, 'csv'));
};

/** One sheet as an xlsx download; `formats` sets a column's number format (e.g. '#,##0.00'). */
export async function downloadXlsx(sheet: Sheet, sheetName: string, filename: string, formats: Record<number, string> = {}): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheetName.slice(0, 31));
  ws.addRow(sheet.headers).font = { bold: true };
  sheet.rows.forEach((r) => ws.addRow(r));
  ws.columns.forEach((col, i) => {
    const widest = Math.max(...[sheet.headers[i], ...sheet.rows.map((r) => r[i])].map((v) => String(v ?? '').length));
    col.width = Math.min(60, Math.max(8, widest * 2));
    if (formats[i]) col.numFmt = formats[i];
  });
  const buffer = await book.xlsx.writeBuffer();
  download(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
}

export const xlsxExporter = (translate: Translate): Exporter => async (records, fetchRelated, _dp, resource) => {
  const sheet = await toSheet(records, resource as string, fetchRelated, translate);
  await downloadXlsx(sheet, translate(`resources.${resource}.name`, { smart_count: 2, _: resource as string }), fileName(resource as string, translate, 'xlsx'));
};
