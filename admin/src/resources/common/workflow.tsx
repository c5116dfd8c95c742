import { Grid, Step, StepContent, StepLabel, Stepper, Stack, TextField as MuiTextField, Typography, type ButtonProps } from '@mui/material';
import type { ReactNode } from 'react';
import { Labeled, useLocaleState, useTranslate, type RaRecord } from 'react-admin';
import { gqlRequest } from '../../dataProvider';
import { formatAt, today } from './dates';
import { MutationDialog } from './MutationDialog';
import { type Move, moveOperation, type MoveTarget, moveVariables } from './workflow.move';

export type { Move };

/** A step of the record's history (`steps` / `transitions`). */
export interface StepRow {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  stepDate: string;
  actorName: string;
  reason: string | null;
  at: string;
}

/** The selection every workflow record needs for its buttons and timeline. */
export { MOVES_SELECTION, STEPS_SELECTION } from './workflow.selections';

/**
 * How the console shows one workflow: its names, and for each move its label, colour and
 * confirmation text. What a move asks for (a reason, a day, a voucher number) comes from the API's
 * `nextMoves`, so the rules live in one place; this is presentation only.
 */
export interface WorkflowView extends MoveTarget {
  /** The order buttons appear in. */
  order?: string[];
  /** The translation key of a move's button (and dialog title). */
  label: (from: string, to: string) => string;
  color?: (from: string, to: string) => ButtonProps['color'];
  variant?: (from: string, to: string) => ButtonProps['variant'];
  /** The line at the top of the dialog (what is being moved). */
  summary?: (record: RaRecord, from: string, to: string, t: { translate: (key: string, args?: Record<string, unknown>) => string; locale: string }) => ReactNode;
  reasonLabel: (from: string, to: string, required: boolean) => string;
  /** The label of the move's day (a translation key), or one per move (审批日期, 付款日期). */
  dateLabel: string | ((from: string, to: string) => string);
  /** Labels of further fields (paymentReference). */
  fieldLabel?: (name: string) => string;
  fieldHelp?: (name: string) => string | undefined;
  /** The notice after a move; `%{status}` is the target state's name. */
  success: (to: string) => string;
  testids: {
    open: (from: string, to: string) => string;
    confirm: string;
    error?: string;
    date: string;
    reason: string;
    field?: (name: string) => string;
    summary?: string;
    /** The row of buttons; default `<resource>-moves`. */
    moves?: string;
    timeline: string;
  };
  /** A step's label in the timeline (a translation key); default the target state's name. */
  stepLabel?: (step: StepRow) => string | undefined;
  /** Whether a step shows as a setback (rejection, return). */
  stepError?: (step: StepRow) => boolean;
}

/** One move behind a dialog: the day (when given by hand), the reason, further fields; one idempotency key per opening. */
export const MoveButton = ({ view, record, move, onDone }: { view: WorkflowView; record: RaRecord; move: Move; onDone: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const from = String(record.status);
  const { to } = move;
  const fields = move.requiredFields;
  return (
    <MutationDialog
      label={view.label(from, to)}
      color={view.color?.(from, to)}
      variant={view.variant?.(from, to)}
      confirmLabel={view.label(from, to)}
      confirmColor={view.color?.(from, to)}
      maxWidth="xs"
      testids={{ open: view.testids.open(from, to), confirm: view.testids.confirm, error: view.testids.error }}
      initial={(): Record<string, string> => ({ date: today(), reason: '', ...Object.fromEntries(fields.map((f) => [f, ''])) })}
      required={[...(move.datedByHand ? ['date'] : []), ...(move.reasonRequired ? ['reason'] : []), ...fields]}
      submit={(v, key) => gqlRequest(moveOperation(view, move), moveVariables(String(record.id), move, v, key))}
      success={view.success(to)}
      successArgs={{ status: translate(`enums.${view.statusEnum}.${to}`) }}
      onDone={onDone}
    >
      {(form) => (
        <>
          {view.summary && (
            <Typography variant="body1" data-testid={view.testids.summary}>
              {view.summary(record, from, to, { translate, locale })}
            </Typography>
          )}
          {fields.map((f) => (
            <MuiTextField
              key={f}
              label={translate(view.fieldLabel?.(f) ?? f)}
              {...form.field(f)}
              helperText={form.field(f).helperText ?? (view.fieldHelp?.(f) ? translate(view.fieldHelp(f)!) : undefined)}
              required
              slotProps={{ htmlInput: { 'data-testid': view.testids.field?.(f) ?? `${view.resource}-${f}` } }}
            />
          ))}
          {move.datedByHand && (
            <MuiTextField
              type="date"
              label={translate(typeof view.dateLabel === 'function' ? view.dateLabel(from, to) : view.dateLabel)}
              {...form.field('date')}
              required
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': view.testids.date } }}
            />
          )}
          <MuiTextField
            label={translate(view.reasonLabel(from, to, move.reasonRequired))}
            {...form.field('reason')}
            required={move.reasonRequired}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': view.testids.reason } }}
          />
        </>
      )}
    </MutationDialog>
  );
};

/** The moves the signed-in user may make now (roles and guards applied by the API), in the view's order. */
export const MoveButtons = ({ view, record, onDone, only, children }: { view: WorkflowView; record: RaRecord; onDone: () => void; only?: string[]; children?: ReactNode }) => {
  const moves = ((record.nextMoves as Move[] | undefined) ?? []).filter((m) => !only || only.includes(m.to));
  const order = view.order ?? [];
  const rank = (to: string) => (order.includes(to) ? order.indexOf(to) : order.length);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid={view.testids.moves ?? `${view.resource}-moves`}>
      {[...moves]
        .sort((a, b) => rank(a.to) - rank(b.to))
        .map((m) => (
          <MoveButton key={m.to} view={view} record={record} move={m} onDone={onDone} />
        ))}
      {children}
    </Stack>
  );
};

/** Every step, oldest first: what happened, on which day, who recorded it and why. */
export const StepTimeline = ({ view, steps }: { view: WorkflowView; steps: StepRow[] }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stepper orientation="vertical" activeStep={steps.length} data-testid={view.testids.timeline}>
      {steps.map((s) => (
        <Step key={s.id} completed expanded>
          <StepLabel error={view.stepError?.(s) ?? false} optional={<Typography variant="caption">{s.stepDate}</Typography>}>
            {translate(view.stepLabel?.(s) ?? `enums.${view.statusEnum}.${s.toStatus}`)}
          </StepLabel>
          <StepContent>
            <Typography variant="caption" color="text.secondary">
              {translate('app.workflow.recorded_by', { actor: s.actorName === 'system' ? translate('app.history.system') : s.actorName, at: formatAt(s.at, locale) })}
            </Typography>
            {s.reason && <Typography variant="body2">{s.reason}</Typography>}
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
};

/** The facts of a workflow record (its stage days, its references) as a grid of labelled values; blank shows as —. */
export const FactGrid = ({ facts }: { facts: Array<[label: string, value: ReactNode]> }) => (
  <Grid container spacing={1}>
    {facts.map(([label, value]) => (
      <Grid key={label} size={{ xs: 6, md: 3 }}>
        <Labeled label={label}>
          <Typography variant="body2" component="div">
            {value === null || value === undefined || value === '' ? '—' : value}
          </Typography>
        </Labeled>
      </Grid>
    ))}
  </Grid>
);
