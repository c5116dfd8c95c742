import { canEdit, getUser } from './authProvider';
import type { Viewer } from './resources/common/module';

/** Who is looking, for a role (react-admin's permissions): one rule for App's resources and pages and the menu's entries. */
export const viewerOf = (role: unknown): Viewer => ({ role: typeof role === 'string' ? role : '', edit: canEdit(role), unitId: getUser()?.unitId ?? null });
