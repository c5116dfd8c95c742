import type { Move } from '../common/workflow';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Box, Chip, Grid, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatAt } from '../common/dates';
import { StatusChip } from '../common/fields';
import { ClauseCitation } from './fields';
import { formatFen } from './money';

type Person = { username: string; displayName: string } | null;
/** A payout as the API gives it with the selection in dataProvider/selections.ts. */
export interface PayoutDetail {
  id: string;
  status: string;
  amountFen: number;
  recipientRole: string;
  recipientName: string;
  budgetYear: number;
  ruleVersion: number;
  note: string | null;
  caseId: string;
  submittedById: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvedOn?: string | null;
  paidOn: string | null;
  paymentReference: string | null;
  nextMoves: Move[];
  programme: { name: string };
  case: {
    id: string;
    year: number;
    superiorAcceptedOn: string | null;
    streetAcceptedOn: string | null;
    compound: { name: string };
    community: { name: string };
    propertyCompany: { name: string } | null;
  };
  recipientCompany?: { uscc: string } | null;
  rule?: {
    name: string;
    printed: string | null;
    version: number;
    sourceClause: { number: string } | null;
    sourceDocument: { title: string; docNumber: string | null } | null;
  };
  submittedBy: Person;
  approvedBy: Person;
  paidBy: Person;
  transitions?: Array<{
    id: string;
    fromStatus: string | null;
    toStatus: string;
    actorName: string;
    reason: string | null;
    at: string;
    signedInAt?: string | null;
    signerIp?: string | null;
    signerPasswordSetBy?: string | null;
    signerPasswordSetAt?: string | null;
  }>;
  /** Steps signed from an account whose password someone else set in the 30 days before. */
  signaturesAfterPasswordReset?: Array<{ id: string; toStatus: string; actorName: string; signerPasswordSetBy: string; signerPasswordSetAt: string }>;
}

/**
 * A step signed from an account whose password someone else had set shortly before: say who set
 * it and when, so an account taken over by an administrator is never silent.
 */
export const SignerWarnings = ({ payout }: { payout: PayoutDetail }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const warnings = payout.signaturesAfterPasswordReset ?? [];
  if (!warnings.length) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: 0.5, mb: 1 }} data-testid="signer-warnings">
      {warnings.map((s) => (
        <Chip
          key={s.id}
          color="warning"
          size="small"
          icon={<WarningAmberIcon />}
          data-testid="signer-warning"
          data-to={s.toStatus}
          sx={{ height: 'auto', py: 0.25, '& .MuiChip-label': { whiteSpace: 'normal' } }}
          label={translate('app.payouts.signer_reset', {
            actor: s.actorName,
            step: translate(`app.payouts.action.${s.toStatus}`),
            by: s.signerPasswordSetBy,
            at: formatAt(s.signerPasswordSetAt, locale),
          })}
        />
      ))}
    </Box>
  );
};

const Row = ({ label, children, testid }: { label: string; children: ReactNode; testid?: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', gap: 1, py: 0.25 }} data-testid={testid}>
      <Typography variant="body2" color="text.secondary" sx={{ minWidth: 120, flexShrink: 0 }}>
        {translate(label)}
      </Typography>
      <Typography variant="body2" component="div">
        {children ?? '—'}
      </Typography>
    </Box>
  );
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 1.5, height: '100%' }}>
      <Typography variant="overline">{translate(title)}</Typography>
      {children}
    </Paper>
  );
};

/**
 * What a payout is (recipient, amount), why it exists (programme, site and its acceptances, rule
 * and clause as printed) and who handled it: all a checker needs to approve it.
 */
export const PayoutDetails = ({ payout }: { payout: PayoutDetail }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const who = (p: Person, at: string | null) => (p ? `${p.displayName}（${p.username}）${at ? ` · ${formatAt(at, locale)}` : ''}` : null);
  const rule = payout.rule;
  return (
    <Grid container spacing={1.5} data-testid="payout-details" data-payout-id={payout.id}>
      {!!payout.signaturesAfterPasswordReset?.length && (
        <Grid size={12}>
          <SignerWarnings payout={payout} />
        </Grid>
      )}
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="app.payouts.what">
          <Typography variant="h6" data-testid="payout-recipient">
            {payout.recipientName}
          </Typography>
          <Typography variant="h5" sx={{ my: 0.5 }} data-testid="payout-amount" data-fen={payout.amountFen}>
            {formatFen(payout.amountFen, locale)}
          </Typography>
          <Row label="resources.Payout.fields.recipientRole">{translate(`enums.RecipientRole.${payout.recipientRole}`)}</Row>
          <Row label="resources.Payout.fields.status">
            <StatusChip enumName="PayoutStatus" status={payout.status} />
          </Row>
          <Row label="resources.Payout.fields.budgetYear">{payout.budgetYear}</Row>
          <Row label="resources.Payout.fields.note">{payout.note}</Row>
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="app.payouts.why">
          <Row label="resources.Payout.fields.programmeId">{payout.programme.name}</Row>
          <Row label="app.payouts.site" testid="payout-site">
            <Link to={`/AwardCase/${payout.case.id}/show`}>{payout.case.compound.name}</Link>
          </Row>
          <Row label="resources.AwardCase.fields.communityId">{payout.case.community.name}</Row>
          <Row label="resources.AwardCase.fields.propertyCompanyId">{payout.case.propertyCompany?.name}</Row>
          <Row label="resources.AwardCase.fields.superiorAcceptedOn">{payout.case.superiorAcceptedOn}</Row>
          <Row label="resources.AwardCase.fields.streetAcceptedOn">{payout.case.streetAcceptedOn}</Row>
          {rule && (
            <>
              <Row label="resources.Payout.fields.ruleId" testid="payout-rule">
                {rule.name}（{translate('app.payouts.rule_version', { version: payout.ruleVersion })}）
              </Row>
              <Row label="app.payouts.clause" testid="payout-clause">
                <ClauseCitation document={rule.sourceDocument} clause={rule.sourceClause} printed={rule.printed} />
              </Row>
            </>
          )}
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 4 }}>
        <Section title="app.payouts.who">
          <Row label="resources.Payout.fields.submittedById" testid="payout-submitted-by">
            {who(payout.submittedBy, payout.submittedAt)}
          </Row>
          <Row label="resources.Payout.fields.approvedById" testid="payout-approved-by">
            {who(payout.approvedBy, payout.approvedAt)}
          </Row>
          <Row label="resources.Payout.fields.approvedOn" testid="payout-approved-on">
            {payout.approvedOn}
          </Row>
          <Row label="resources.Payout.fields.paidOn">{payout.paidOn}</Row>
          <Row label="resources.Payout.fields.paymentReference" testid="payout-reference-shown">
            {payout.paymentReference}
          </Row>
          <Row label="resources.Payout.fields.paidById">{who(payout.paidBy, null)}</Row>
        </Section>
      </Grid>
    </Grid>
  );
};

/** Every state change, oldest first. */
export const PayoutTransitions = ({ transitions, ruleVersion }: { transitions: NonNullable<PayoutDetail['transitions']>; ruleVersion: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const status = (s: string | null) => (s ? translate(`enums.PayoutStatus.${s}`) : translate('app.payouts.generated'));
  return (
    <Table size="small" data-testid="payout-transitions">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.payouts.at')}</TableCell>
          <TableCell>{translate('app.payouts.change')}</TableCell>
          <TableCell>{translate('app.payouts.actor')}</TableCell>
          <TableCell>{translate('app.payouts.reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {transitions.map((t) => (
          <TableRow key={t.id} data-testid="payout-transition" data-to={t.toStatus} data-actor={t.actorName}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatAt(t.at, locale)}</TableCell>
            <TableCell>
              {status(t.fromStatus)} → {translate(`enums.PayoutStatus.${t.toStatus}`)}
            </TableCell>
            <TableCell>
              {t.actorName}
              {t.signerPasswordSetBy && t.signerPasswordSetAt && (
                <Chip
                  color="warning"
                  size="small"
                  icon={<WarningAmberIcon />}
                  sx={{ ml: 1 }}
                  label={translate('app.payouts.password_set_by', { by: t.signerPasswordSetBy, at: formatAt(t.signerPasswordSetAt, locale) })}
                />
              )}
              {t.signedInAt && (
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate('app.payouts.session', { at: formatAt(t.signedInAt, locale), ip: t.signerIp ?? '—' })}
                </Typography>
              )}
            </TableCell>
            {/* the API words the generation step in English; say it in the reader's language */}
            <TableCell>{t.fromStatus === null ? translate('app.payouts.generated_reason', { version: ruleVersion }) : (t.reason ?? '—')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
