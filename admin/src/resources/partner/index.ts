import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { type ConsoleModule, screen } from '../common/module';
import { keyRepresentation } from './keyRepresentation';
import { messages } from './messages';

const keys = () => import('./keys');

/**
 * 数据共享: keys are ADMIN's to issue and revoke; AUDITOR reads them (by link, not in its menu); the
 * office reads the access log. The API enforces the same.
 */
export const partnerModule: ConsoleModule = {
  name: 'partner',
  menuGroup: 'system',
  resources: ({ role }) => [
    role === 'ADMIN' || role === 'AUDITOR'
      ? {
          name: 'PartnerKey',
          icon: VpnKeyIcon,
          ...(role === 'ADMIN' ? {} : { options: { menu: false } }),
          list: screen(keys, 'PartnerKeyList'),
          show: screen(keys, 'PartnerKeyShow'),
          // the list with its 签发密钥 dialog open (a key has a mutation of its own: dataProvider/capabilities.ts)
          create: role === 'ADMIN' ? screen(keys, 'PartnerKeyCreate') : undefined,
          recordRepresentation: keyRepresentation,
        }
      : null,
    role !== 'UNIT_STAFF' ? { name: 'PartnerAccess', icon: ManageSearchIcon, list: screen(() => import('./accesses'), 'PartnerAccessList') } : null,
  ],
  messages,
};
