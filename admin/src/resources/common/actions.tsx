import GridOnIcon from '@mui/icons-material/GridOn';
import { CreateButton, EditButton, ExportButton, FilterButton, TopToolbar, usePermissions, useTranslate } from 'react-admin';
import { canEdit } from '../../authProvider';
import { csvExporter, xlsxExporter } from './exporter';

/** The API serves at most 1000 rows a page; an export takes the first 1000 matches of the filter. */
const MAX_EXPORT = 1000;

/** Export the filtered list as Excel (xlsx) and CSV. */
export const ExportButtons = () => {
  const translate = useTranslate();
  return (
    <>
      <ExportButton maxResults={MAX_EXPORT} exporter={xlsxExporter(translate)} label="app.export.xlsx" icon={<GridOnIcon />} />
      <ExportButton maxResults={MAX_EXPORT} exporter={csvExporter(translate)} label="app.export.csv" />
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
