import GridOnIcon from '@mui/icons-material/GridOn';
import { CreateButton, EditButton, FilterButton, TopToolbar, useLocaleState, usePermissions, useResourceDefinition, useTranslate } from 'react-admin';
import { canEdit, canRecordFacts } from '../../authProvider';
import { ListExportButton } from './ExportButton';
import { csvExporter, type SheetOf, xlsxExporter } from './exporter';

/** Export the filtered list as Excel (xlsx) and CSV: every matching row, page by page (ExportButton.tsx). */
export const ExportButtons = ({ sheetOf }: { sheetOf?: SheetOf }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <>
      <ListExportButton exporter={xlsxExporter(translate, locale, sheetOf)} label="app.export.xlsx" icon={<GridOnIcon />} />
      <ListExportButton exporter={csvExporter(translate, locale, sheetOf)} label="app.export.csv" />
    </>
  );
};

/**
 * List toolbar: filters, export, and "create" only where the resource has a create screen (a record
 * made elsewhere — a rectification by a publication, a payout by its case — has none) and for roles
 * that may edit (`facts`: also those who record compounds' facts). CreateButton itself also asks
 * canAccess, which answers from the schema (dataProvider/capabilities.ts).
 */
export const ListActions = ({ filters = true, facts = false }: { filters?: boolean; facts?: boolean }) => {
  const { permissions } = usePermissions();
  const { hasCreate } = useResourceDefinition();
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {hasCreate && (facts ? canRecordFacts(permissions) : canEdit(permissions)) && <CreateButton />}
      <ExportButtons />
    </TopToolbar>
  );
};

/** Show toolbar: "edit" only for roles that may edit. */
export const ShowActions = () => {
  const { permissions } = usePermissions();
  return <TopToolbar>{canEdit(permissions) && <EditButton />}</TopToolbar>;
};

/** Who may edit this resource; menus and routes follow it (the server enforces it regardless). */
export const useCanEdit = () => canEdit(usePermissions().permissions);

/** Who may record compounds' facts (committees, disclosures, evaluations): the office and the community's staff. */
export const useCanRecordFacts = () => canRecordFacts(usePermissions().permissions);
