import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import { Box, Divider, IconButton, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, type Theme, Typography, useMediaQuery } from '@mui/material';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { DeleteMembershipDocument, type GroupRole, ReorderMembershipsDocument, RosterDocument, type RosterQuery } from '../../graphql/generated';
import { useCanEdit } from '../common/actions';
import { today } from '../common/dates';
import { ConcurrentChip } from '../common/fields';
import { PrintButton } from '../common/PrintButton';
import { RosterImportButton, RosterTemplateButton } from './RosterImport';

type Group = NonNullable<RosterQuery['WorkingGroup']>;
type Seat = Group['members'][number];

/** Seats grouped by role, in the order the server returns them (roster order). */
function byRole(seats: Seat[]): Array<[GroupRole, Seat[]]> {
  const groups = new Map<GroupRole, Seat[]>();
  for (const s of seats) groups.set(s.role, [...(groups.get(s.role) ?? []), s]);
  return [...groups.entries()];
}

type Move = (role: GroupRole, seats: Seat[], index: number, delta: number) => void;

/** Up, down, edit, remove: an editor's buttons on a current seat. */
const SeatActions = ({ seats, i, onMove, onRemove }: { seats: Seat[]; i: number; onMove: Move; onRemove: (s: Seat) => void }) => {
  const s = seats[i];
  return (
    <>
      <IconButton size="small" aria-label="up" disabled={i === 0} onClick={() => onMove(s.role, seats, i, -1)}>
        <ArrowUpwardIcon fontSize="small" />
      </IconButton>
      <IconButton size="small" aria-label="down" disabled={i === seats.length - 1} onClick={() => onMove(s.role, seats, i, 1)}>
        <ArrowDownwardIcon fontSize="small" />
      </IconButton>
      <IconButton size="small" aria-label="edit" component={Link} to={`/Membership/${s.id}`}>
        <EditIcon fontSize="small" />
      </IconButton>
      <IconButton size="small" aria-label="delete" onClick={() => onRemove(s)}>
        <DeleteIcon fontSize="small" />
      </IconButton>
    </>
  );
};

const PersonLink = ({ s }: { s: Seat }) => (
  <>
    <MuiLink component={Link} to={`/Person/${s.person.id}/show`}>
      {s.person.name}
    </MuiLink>
    {s.concurrent && <ConcurrentChip />}
  </>
);

const PostLink = ({ s }: { s: Seat }) => {
  const translate = useTranslate();
  return s.post ? (
    <MuiLink component={Link} to={`/Post/${s.post.id}/show`}>
      {s.post.title}
    </MuiLink>
  ) : (
    <>{translate('app.roster.no_post')}</>
  );
};

const term = (s: Seat) => `${s.validFrom}${s.validTo ? ` ~ ${s.validTo}` : ''}`;

/** On a phone a seat is two lines (order, name, 兼; post and term), not a table's four columns. */
const PhoneSeats = ({ seats, actions }: { seats: Seat[]; actions?: (i: number) => ReactNode }) => (
  <Box>
    {seats.map((s, i) => (
      <Box key={s.id} data-testid="seat" sx={{ py: 1 }}>
        <Typography variant="body2" component="div">
          {s.sortOrder}. <PersonLink s={s} />
        </Typography>
        <Typography variant="body2" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
          <PostLink s={s} /> · {term(s)}
        </Typography>
        {actions && <Box>{actions(i)}</Box>}
        <Divider sx={{ mt: 1 }} />
      </Box>
    ))}
  </Box>
);

/**
 * 名单: the group's members on a chosen date, grouped by role in published order, with post and the
 * 兼 marker; editors can add, move up/down and remove seats from here.
 */
export const Roster = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const editable = useCanEdit();
  const [asOf, setAsOf] = useState(today());
  const [data, setData] = useState<Group | null>(null);
  const [loadedAsOf, setLoadedAsOf] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Seat | null>(null);
  const refresh = useRefresh();
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));

  const load = useCallback(() => {
    if (!record?.id) return;
    request(RosterDocument, { id: String(record.id), asOf: asOf || null }).then(
      (d) => {
        setData(d.WorkingGroup);
        setLoadedAsOf(asOf);
      },
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  }, [record?.id, asOf, notify]);
  useEffect(load, [load]);
  /** After a change from here: the roster, and what else the page shows of the group (its history). */
  const changed = () => {
    load();
    refresh();
  };

  const move = async (role: GroupRole, seats: Seat[], index: number, delta: number) => {
    const ids = seats.map((s) => s.id);
    [ids[index], ids[index + delta]] = [ids[index + delta], ids[index]];
    try {
      await request(ReorderMembershipsDocument, { groupId: String(record!.id), role, membershipIds: ids });
      changed();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };

  const remove = async () => {
    if (!removing) return;
    try {
      await request(DeleteMembershipDocument, { id: removing.id });
      notify('ra.notification.deleted', { messageArgs: { smart_count: 1 } });
      changed();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setRemoving(null);
    }
  };

  if (!record) return null;
  const current = asOf >= today();
  return (
    <Box data-testid="roster" data-as-of={loadedAsOf ?? ''}>
      <Stack direction="row" useFlexGap sx={{ my: 2, alignItems: 'center', flexWrap: 'wrap', gap: 2 }}>
        <MuiTextField
          type="date"
          size="small"
          label={translate('app.roster.as_of')}
          value={asOf}
          onChange={(e) => setAsOf(e.target.value)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'roster-as-of' } }}
        />
        <Button label="app.roster.today" onClick={() => setAsOf(today())} />
        {editable && <Button component={Link} to={`/Membership/create?source=${encodeURIComponent(JSON.stringify({ groupId: record.id }))}`} label="app.roster.add_member" />}
        <RosterTemplateButton seats={data?.members ?? []} />
        <PrintButton url={`/print/roster/${encodeURIComponent(String(record.id))}?asOf=${encodeURIComponent(asOf)}`} label="app.roster.print" testId="print-roster" />
        {editable && current && <RosterImportButton onDone={changed} />}
      </Stack>
      {data && data.members.length === 0 && <Typography>{translate('app.roster.empty')}</Typography>}
      {data &&
        byRole(data.members).map(([role, seats]) => (
          <Box key={role} sx={{ mb: 2 }} data-testid={`role-${role}`}>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate(`enums.GroupRole.${role}`)}
              {translate('app.roster.members_count', { count: seats.length })}
            </Typography>
            {phone ? (
              <PhoneSeats seats={seats} actions={editable && current ? (i) => <SeatActions seats={seats} i={i} onMove={move} onRemove={setRemoving} /> : undefined} />
            ) : (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: 72, whiteSpace: 'nowrap' }}>{translate('resources.Membership.fields.sortOrder')}</TableCell>
                    <TableCell sx={{ width: 160 }}>{translate('resources.Membership.fields.personId')}</TableCell>
                    <TableCell>{translate('resources.Membership.fields.postId')}</TableCell>
                    <TableCell sx={{ width: 200 }}>{translate('resources.Membership.fields.validFrom')}</TableCell>
                    {editable && current && <TableCell sx={{ width: 170 }} />}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {seats.map((s, i) => (
                    <TableRow key={s.id} data-testid="seat">
                      <TableCell>{s.sortOrder}</TableCell>
                      <TableCell>
                        <PersonLink s={s} />
                      </TableCell>
                      <TableCell>
                        <PostLink s={s} />
                      </TableCell>
                      <TableCell>{term(s)}</TableCell>
                      {editable && current && (
                        <TableCell>
                          <SeatActions seats={seats} i={i} onMove={move} onRemove={setRemoving} />
                        </TableCell>
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        ))}
      {data && data.subGroups.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('app.roster.sub_groups')}
          </Typography>
          {data.subGroups.map((g) => (
            <div key={g.id}>
              <MuiLink component={Link} to={`/WorkingGroup/${g.id}/show`}>
                {g.name}
              </MuiLink>
            </div>
          ))}
        </Box>
      )}
      <Confirm
        isOpen={removing !== null}
        title="ra.message.delete_title"
        content="ra.message.delete_content"
        translateOptions={{ name: removing?.person.name ?? '', id: removing?.person.name ?? '', smart_count: 1 }}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Box>
  );
};
