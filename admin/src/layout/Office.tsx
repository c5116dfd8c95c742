import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Box, Button, Chip, Popover, Typography, useMediaQuery, type Theme } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { getOffice, getUser, isRoot, type LookedAtOffice, setOffice, storeOffice } from '../authProvider';
import { request } from '../dataProvider';
import { MyOfficeDocument } from '../graphql/generated';
import { JurisdictionPicker } from '../resources/common/owner';

/*
 * The office the console works in (issue 14). Everyone sees theirs in the app bar: 青阳街道 · 党建办.
 * A root user (the platform's, acting anywhere) may look at one office at a time: the choice is kept
 * in localStorage and sent as X-Office with every request (dataProvider/index.ts), so the API lists,
 * counts and writes as a user of that office would. Changing it reloads the console, so every list,
 * dashboard and screen's own state starts again in the new office.
 */

/**
 * The signed-in user with their office. Sign-in keeps the office's id (null: the root); its name is
 * asked of `me` once and kept with the user (the login answer, being anonymous, cannot carry it).
 */
function useSignedInUser() {
  const [user, setUser] = useState(getUser);
  const unknown = !!user && (user.jurisdictionId === undefined || (user.jurisdictionId !== null && user.jurisdiction === undefined));
  useEffect(() => {
    if (!unknown) return;
    let live = true;
    request(MyOfficeDocument).then(
      ({ me }) => {
        storeOffice(me);
        if (live) setUser(getUser());
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [unknown]);
  return user;
}

/** Looks at another office (null: the whole platform) and starts the console afresh there. */
const lookAt = (office: LookedAtOffice | null) => {
  setOffice(office);
  window.location.reload();
};

/** On a phone the chip is a small line under the page's title (layout/Layout.tsx), beside it elsewhere. */
const placeSx = { maxWidth: { xs: '100%', sm: 360 }, mr: { sm: 1 }, alignSelf: { xs: 'flex-start', sm: 'center' } } as const;
const chipSx = { ...placeSx, color: 'inherit', borderColor: 'currentColor', '& .MuiChip-icon': { color: 'inherit' } } as const;

/** The root's office picker: the chip says where they look (全平台, or 查看：宝盖镇 with a way back), a click opens the picker. */
const OfficeSwitcher = ({ label, phone }: { label: string; phone: boolean }) => {
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const office = getOffice();
  return (
    <>
      {office ? (
        <Chip
          icon={<VisibilityIcon />}
          color="warning"
          label={phone ? office.name : translate('app.scope.looking', { office: office.name })}
          title={translate('app.scope.looking_at', { office: office.name })}
          onClick={(e) => setAnchor(e.currentTarget)}
          onDelete={() => lookAt(null)}
          size={phone ? 'small' : 'medium'}
          sx={placeSx}
          data-testid="office"
          data-office={office.id}
        />
      ) : (
        <Chip
          icon={<AccountBalanceIcon />}
          variant="outlined"
          size={phone ? 'small' : 'medium'}
          label={label}
          onClick={(e) => setAnchor(e.currentTarget)}
          sx={chipSx}
          data-testid="office"
          data-office=""
        />
      )}
      <Popover open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ p: 2, width: 360, maxWidth: 'calc(100vw - 32px)', display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="office-picker">
          <Typography variant="subtitle1">{translate('app.scope.pick_title')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.scope.pick_help')}
          </Typography>
          <JurisdictionPicker label="app.scope.picker" value={office} onChange={(j) => j && lookAt(j)} testid="office-picker-input" autoFocus />
          <Button variant="outlined" disabled={!office} onClick={() => lookAt(null)} data-testid="office-platform">
            {translate('app.scope.back')}
          </Button>
        </Box>
      </Popover>
    </>
  );
};

/** The app bar's office: 青阳街道 · 党建办 (on a phone the office alone); for a root user the office picker. */
export const OfficeIndicator = () => {
  const translate = useTranslate();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const user = useSignedInUser();
  if (!user || user.jurisdictionId === undefined || (user.jurisdictionId !== null && !user.jurisdiction)) return null;
  const name = isRoot(user) ? translate('app.scope.platform') : (user.jurisdiction?.name ?? '');
  const full = translate('app.scope.office', { office: name, role: translate(`enums.Role.${user.role}`, { _: user.role }) });
  const label = phone ? name : full;
  if (isRoot(user)) return <OfficeSwitcher label={label} phone={phone} />;
  return (
    <Chip icon={<AccountBalanceIcon />} variant="outlined" size={phone ? 'small' : 'medium'} label={label} title={full} sx={chipSx} data-testid="office" data-office={user.jurisdictionId ?? ''} />
  );
};

/** Above every page while a root user looks at one office: which, what that means, and the way back. */
export const OfficeBanner = () => {
  const translate = useTranslate();
  const office = getOffice();
  if (!office) return null;
  return (
    <Alert
      severity="warning"
      icon={<VisibilityIcon />}
      sx={{ mt: 1 }}
      data-testid="office-banner"
      action={
        <Button color="inherit" size="small" onClick={() => lookAt(null)} data-testid="office-back">
          {translate('app.scope.back')}
        </Button>
      }
    >
      {translate('app.scope.looking_at', { office: office.name })}
    </Alert>
  );
};
