import GridOnIcon from '@mui/icons-material/GridOn';
import { CreateButton, EditButton, FilterButton, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { canEdit } from '../../authProvider';
import { ListExportButton } from './ExportButton';
import { csvExporter, xlsxExporter } from './exporter';

/** Export the filtered list as Excel (xlsx) and CSV: every matching row, page by page (ExportButton.tsx). */
export const ExportButtons = () => {
  const translate = useTranslate();
  return (
    <>
      <ListExportButton exporter={xlsxExporter(translate)} label="app.export.xlsx" icon={<GridOnIcon />} />
      <ListExportButton exporter={csvExporter(translate)} label="app.export.csv" />
    </>
  );
};

/** List toolbar: filters, export, and "create" only for roles that may edit. */
export const ListActions = ({ filters = true }: { filters?: boolean }) => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {canEdit(permissions) && <CreateButton />}
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
