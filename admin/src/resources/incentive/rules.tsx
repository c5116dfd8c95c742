import { Alert, Box, Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import {
  ArrayInput,
  Datagrid,
  DateInput,
  List,
  NumberField,
  ReferenceField,
  Show,
  SimpleForm,
  SimpleFormIterator,
  SimpleShowLayout,
  TextField,
  TextInput,
  required,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ListActions, ShowActions } from '../common/actions';
import { EnumInput, notBefore, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { ClauseCitation } from './fields';
import { formatFen, yuan } from './money';

export interface RuleLine {
  id?: string;
  recipientRole: string;
  amountFen: number | null;
  printedAmount: string | null;
  note: string | null;
}

/** The recipient lines of a rule; a line with no amount says the document fixes none (004). */
export const RuleLines = ({ lines }: { lines: RuleLine[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Table size="small" data-testid="rule-lines">
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.IncentiveRule.fields.lines.recipientRole')}</TableCell>
          <TableCell align="right">{translate('resources.IncentiveRule.fields.lines.amount')}</TableCell>
          <TableCell>{translate('resources.IncentiveRule.fields.lines.printedAmount')}</TableCell>
          <TableCell>{translate('resources.IncentiveRule.fields.lines.note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map((l) => (
          <TableRow key={l.recipientRole} data-testid={`rule-line-${l.recipientRole}`} data-amount-fen={l.amountFen ?? ''}>
            <TableCell>{translate(`enums.RecipientRole.${l.recipientRole}`)}</TableCell>
            <TableCell align="right">
              {l.amountFen === null ? <Chip size="small" color="warning" variant="outlined" label={translate('app.incentives.no_amount')} /> : formatFen(l.amountFen, locale)}
            </TableCell>
            <TableCell>{l.printedAmount ?? '—'}</TableCell>
            <TableCell>{l.note ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** Lines as one phrase for lists: 物业服务企业 ¥30,000.00 · 所属社区 ¥20,000.00. */
export const LinesSummary = (_: { label?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record?.lines) return null;
  return (
    <span>
      {(record.lines as RuleLine[])
        .map((l) => `${translate(`enums.RecipientRole.${l.recipientRole}`)} ${l.amountFen === null ? translate('app.incentives.no_amount') : formatFen(l.amountFen, locale)}`)
        .join(' · ')}
    </span>
  );
};

/** 文号 + 条款号, then the clause as printed. */
export const RuleSource = (_: { label?: string }) => {
  const record = useRecordContext();
  if (!record) return null;
  return (
    <Box data-testid="rule-source">
      <ClauseCitation document={record.sourceDocument} clause={record.sourceClause} printed={record.printed} />
    </Box>
  );
};

const Lines = (_: { label?: string }) => {
  const record = useRecordContext();
  return record?.lines ? <RuleLines lines={record.lines as RuleLine[]} /> : null;
};

export const RuleList = () => (
  <List
    filters={[<TextInput key="q" source="q" alwaysOn />, <RefInput key="p" source="programmeId" reference="IncentiveProgramme" alwaysOn />]}
    actions={<ListActions filters={false} />}
    sort={{ field: 'validFrom', order: 'ASC' }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <ReferenceField source="programmeId" reference="IncentiveProgramme" link="show" />
      <LinesSummary label="app.incentives.lines" />
      <DayField source="validFrom" />
      <DayField source="validTo" emptyText="—" />
      <NumberField source="version" />
    </Datagrid>
  </List>
);

export const RuleShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <ReferenceField source="programmeId" reference="IncentiveProgramme" link="show" />
        <RuleSource label="app.source" />
        <Lines label="app.incentives.lines" />
        <DayField source="validFrom" />
        <DayField source="validTo" emptyText={translate('app.incentives.open_ended')} />
        <TextField source="note" emptyText="—" />
        <NumberField source="version" />
        <History />
      </SimpleShowLayout>
    </Show>
  );
};

/** The clause picker lists the clauses of the chosen document. */
export const ClauseInput = () => {
  const documentId = useWatch({ name: 'sourceDocumentId' });
  return <RefInput source="sourceClauseId" reference="Clause" optionText="number" filter={documentId ? { documentId } : {}} />;
};

const RuleForm = () => {
  const translate = useTranslate();
  return (
    <SimpleForm>
      <RefInput source="programmeId" reference="IncentiveProgramme" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="printed" multiline fullWidth />
      <RefInput source="sourceDocumentId" reference="PolicyDocument" optionText="title" />
      <ClauseInput />
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={notBefore('validFrom')} helperText="app.incentives.open_ended_help" />
      <Alert severity="info" sx={{ mb: 1 }}>
        {translate('app.incentives.lines_help')}
      </Alert>
      <ArrayInput source="lines" label="app.incentives.lines" validate={required()}>
        <SimpleFormIterator inline disableReordering>
          <EnumInput source="recipientRole" enumName="RecipientRole" validate={required()} />
          <TextInput source="amount" validate={yuan} helperText="app.incentives.amount_help" />
          <TextInput source="printedAmount" />
          <TextInput source="note" />
        </SimpleFormIterator>
      </ArrayInput>
      <TextInput source="note" multiline fullWidth />
    </SimpleForm>
  );
};
export const { EditView: RuleEdit, CreateView: RuleCreate } = formViews(RuleForm);
