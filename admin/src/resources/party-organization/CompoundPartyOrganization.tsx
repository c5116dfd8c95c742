import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { CompoundPartyOrganizationDocument, type CompoundPartyOrganizationQuery } from '../../graphql/generated';
import { useCanRecordFacts } from '../common/actions';
import { today } from '../common/dates';

type Org = CompoundPartyOrganizationQuery['allPartyOrganizations'][number];

/**
 * The compound page's part (小区党组织): each organisation with its form, formal members, secretary and
 * 党建指导员, whether it serves on the day, and 双向进入、交叉任职 with the committee members in it.
 * `asOf` defaults to today.
 */
export const CompoundPartyOrganization = ({ compoundId, asOf }: { compoundId: string; asOf?: string }) => {
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  const day = asOf ?? today();
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  useEffect(() => {
    request(CompoundPartyOrganizationDocument, { compoundId, asOf: day }).then(
      (d) => setOrgs(d.allPartyOrganizations),
      () => setOrgs([]),
    );
  }, [compoundId, day]);
  if (!orgs) return null;
  const add = `/PartyOrganization/create?source=${encodeURIComponent(JSON.stringify({ compoundId }))}`;
  const serving = orgs.filter((o) => o.serving);
  return (
    <Box data-testid="compound-party-organization">
      {!serving.length && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.party.none_serving')}
        </Typography>
      )}
      {orgs.map((o) => (
        <Box key={o.id} sx={{ mb: 1.5, opacity: o.serving ? 1 : 0.6 }} data-testid="party-organization" data-serving={o.serving}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Link to={`/PartyOrganization/${o.id}/show`}>
              <Typography variant="subtitle1">{o.name}</Typography>
            </Link>
            <Chip size="small" label={translate(`enums.PartyOrganizationForm.${o.form}`)} />
            {!o.serving && <Chip size="small" variant="outlined" label={translate(o.formedOn > day ? 'app.party.not_yet' : 'app.party.dissolved')} />}
            {o.serving && (
              <Chip
                size="small"
                variant="outlined"
                color={o.crossServing ? 'success' : 'warning'}
                label={translate(o.crossServing ? 'app.party.cross_serving' : 'app.party.not_cross_serving')}
                data-testid="cross-serving"
              />
            )}
          </Stack>
          <Typography variant="body2">
            {translate('resources.PartyOrganization.fields.formalMemberCount')}: {o.formalMemberCount ?? '—'}
            {' · '}
            {translate('resources.PartyOrganization.fields.secretaryName')}: {o.secretaryName ?? '—'}
            {o.instructorName ? ` · ${translate('resources.PartyOrganization.fields.instructorName')}: ${o.instructorName}` : ''}
            {' · '}
            {o.formedOn}
            {o.dissolvedOn ? ` – ${o.dissolvedOn}` : ''}
          </Typography>
          {o.serving && o.form !== 'SINGLE' && o.maySingle && (
            <Typography variant="body2" color="info.main">
              {translate('app.party.single_due')}
            </Typography>
          )}
          {o.crossServingMembers.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.party.members')}:{' '}
              {o.crossServingMembers
                .map((m) => `${m.committeeMember?.name ?? ''}（${translate(`enums.CommitteeRole.${m.committeeMember?.role}`)} / ${translate(`enums.PartyBranchRole.${m.branchRole}`)}）`)
                .join('、')}
            </Typography>
          )}
        </Box>
      ))}
      {facts && (
        <Button size="small" component={Link} to={add}>
          {translate('app.party.add')}
        </Button>
      )}
    </Box>
  );
};
