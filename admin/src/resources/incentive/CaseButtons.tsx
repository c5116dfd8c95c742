import { useState } from 'react';
import { Button, Confirm, useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { GenerateAwardPayoutsDocument } from '../../graphql/generated';

interface CaseRef {
  id: string;
  status: string;
  compound?: { name: string };
}

/** 生成发放: one draft payout per recipient line of the rule in force on the street-acceptance day. */
export const GeneratePayoutsButton = ({ record, onDone }: { record: CaseRef & { streetAcceptedOn?: string | null }; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    setBusy(true);
    try {
      const d = await request(GenerateAwardPayoutsDocument, { caseId: record.id });
      notify('app.awards.generated', { type: 'success', messageArgs: { count: d.generateAwardPayouts.length } });
      onDone();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button label="app.awards.generate" variant="contained" onClick={() => setOpen(true)} disabled={busy} data-testid="generate-payouts" />
      <Confirm
        isOpen={open}
        title="app.awards.generate"
        content={translate('app.awards.generate_confirm', { date: record.streetAcceptedOn ?? '—' })}
        onConfirm={generate}
        onClose={() => setOpen(false)}
        loading={busy}
      />
    </>
  );
};
