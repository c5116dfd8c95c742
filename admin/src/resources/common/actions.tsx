import { CreateButton, EditButton, ExportButton, FilterButton, TopToolbar, usePermissions } from 'react-admin';
import { canEdit } from '../../authProvider';

/** List toolbar: filters, export, and "create" only for roles that may edit. */
export const ListActions = ({ filters = true }: { filters?: boolean }) => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {canEdit(permissions) && <CreateButton />}
      <ExportButton maxResults={10000} />
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
