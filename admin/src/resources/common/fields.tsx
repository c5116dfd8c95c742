import { Chip } from '@mui/material';
import { ReferenceField, SelectField, SelectInput, TextField, useLocaleState, useRecordContext, useTranslate, type SelectFieldProps, type SelectInputProps } from 'react-admin';
import { chinaDayOf, formatDay, formatDayTime, isMoment } from './dates';
import { enumChoices } from './enums';
import { MODULES } from '../../modules';
import type { ChipColor } from './module';

export const EnumField = ({ enumName, ...props }: Omit<SelectFieldProps, 'choices'> & { enumName: string }) => <SelectField {...props} choices={enumChoices(enumName)} />;

export const EnumInput = ({ enumName, ...props }: Omit<SelectInputProps, 'choices'> & { enumName: string }) => <SelectInput {...props} choices={enumChoices(enumName)} />;

/**
 * A day (LocalDate) or a moment (DateTimeISO) as every screen shows it: 2025年3月1日, with the time in
 * China when `showTime` (2025年3月1日 14:05); 1 Mar 2025 in English. react-admin's DateField writes the
 * browser's locale format (2025/3/1) and a moment in the browser's time zone: one format for the
 * console (issue 17), the same as the history's and the exports'.
 */
export const DayField = ({ source, showTime = false, emptyText = '—' }: { source: string; showTime?: boolean; emptyText?: string; label?: string; sortable?: boolean; sortBy?: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  const value = source.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record) as string | null | undefined;
  if (!value) return <span>{emptyText}</span>;
  return <span style={{ whiteSpace: 'nowrap' }}>{isMoment(value) ? (showTime ? formatDayTime(value, locale) : formatDay(chinaDayOf(value), locale)) : formatDay(value, locale)}</span>;
};

/** Where a seeded record was transcribed from: 文号 and clause. */
export const SourceField = (_: { label?: string }) => {
  const record = useRecordContext();
  if (!record?.sourceDocumentId) return null;
  return (
    <span>
      <ReferenceField source="sourceDocumentId" reference="PolicyDocument" link="show">
        <TextField source="docNumber" emptyText="—" />
      </ReferenceField>
      {record.sourceClauseId ? (
        <>
          {' · '}
          <ReferenceField source="sourceClauseId" reference="Clause" link={false}>
            <TextField source="number" />
          </ReferenceField>
        </>
      ) : null}
    </span>
  );
};

/** The colour of each value of the status enums, as the modules declare them (`statusColors`). */
const STATUS_COLORS: Record<string, Record<string, ChipColor>> = Object.assign({}, ...MODULES.map((m) => m.statusColors ?? {}));
export const statusColor = (enumName: string, status: string): ChipColor => STATUS_COLORS[enumName]?.[status] ?? 'default';

/** A status (a value of the enum `enumName`) as a coloured chip. */
export const StatusChip = ({ enumName, status }: { enumName: string; status: string }) => {
  const translate = useTranslate();
  return <Chip size="small" color={statusColor(enumName, status)} label={translate(`enums.${enumName}.${status}`, { _: status })} data-testid="status" data-status={status} />;
};

/** StatusChip for the record in context (lists). */
export const StatusField = ({ enumName, source = 'status' }: { enumName: string; source?: string; label?: string }) => {
  const record = useRecordContext();
  return record ? <StatusChip enumName={enumName} status={record[source]} /> : null;
};

/** The "(兼)" marker of a concurrent seat. */
export const ConcurrentChip = () => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate('app.roster.concurrent')} sx={{ ml: 1 }} />;
};

/** A date that must not be before another field of the same form. */
export const notBefore = (otherField: string) => (value: string | null, values: Record<string, string | null>) =>
  value && values[otherField] && value < (values[otherField] as string) ? 'app.validation.end_before_start' : undefined;
