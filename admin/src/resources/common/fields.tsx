import { Chip } from '@mui/material';
import {
  DateInput,
  ReferenceField,
  SelectField,
  SelectInput,
  TextField,
  useRecordContext,
  useTranslate,
  type SelectFieldProps,
  type SelectInputProps,
} from 'react-admin';
import { enumChoices } from './enums';

export const EnumField = ({ enumName, ...props }: Omit<SelectFieldProps, 'choices'> & { enumName: string }) => (
  <SelectField {...props} choices={enumChoices(enumName)} />
);

export const EnumInput = ({ enumName, ...props }: Omit<SelectInputProps, 'choices'> & { enumName: string }) => (
  <SelectInput {...props} choices={enumChoices(enumName)} />
);

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

/** The "(兼)" marker of a concurrent seat. */
export const ConcurrentChip = () => {
  const translate = useTranslate();
  return <Chip size="small" variant="outlined" label={translate('app.roster.concurrent')} sx={{ ml: 1 }} />;
};

/** A date that must not be before another field of the same form. */
export const notBefore = (otherField: string) => (value: string | null, values: Record<string, string | null>) =>
  value && values[otherField] && value < (values[otherField] as string) ? 'app.validation.end_before_start' : undefined;

export const DateOnlyInput = DateInput;
