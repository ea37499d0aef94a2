import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { MediationView } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { useCan } from '../../shell/session';

const outcomeLabels = { settled: '达成调解', partlySettled: '部分调解', failed: '调解不成' } as const;

/** Outcome of the mediation, the signed receipts of the mediation document, and 置换. */
export function MediationOutcome({ view, onSaved, onFailed }: { view: MediationView; onSaved: (view: MediationView) => void; onFailed: () => void }) {
  const [workersOn, setWorkersOn] = useState(view.signedByWorkersOn ?? todayInChina());
  const [respondentOn, setRespondentOn] = useState(view.signedByRespondentOn ?? todayInChina());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, action: () => Promise<MediationView>, after?: () => void) => {
    setBusy(key);
    setError(null);
    try {
      onSaved(await action());
      after?.();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const canSign = view.outcome === 'settled' || view.outcome === 'partlySettled';
  const can = useCan();

  return (
    <Card withBorder data-testid="mediation-outcome">
      <Group justify="space-between" mb="xs">
        <Title order={4}>调解结果</Title>
        <Group gap="xs">
          {view.outcome && <Badge color={view.outcome === 'failed' ? 'red' : view.outcome === 'settled' ? 'green' : 'yellow'}>{outcomeLabels[view.outcome]}</Badge>}
          {view.effective && (
            <Badge color="green" variant="filled" data-testid="mediation-effective">
              已生效
            </Badge>
          )}
        </Group>
      </Group>
      <Stack gap="sm">
        {can('mediation.setOutcome') && <Group gap="xs">
          <Button color="green" variant={view.outcome === 'settled' ? 'filled' : 'light'} loading={busy === 'settled'} onClick={() => void run('settled', () => call('mediation.setOutcome', { caseId: view.caseId, outcome: 'settled' }))} data-testid="outcome-settled">
            达成调解
          </Button>
          <Button color="yellow" variant={view.outcome === 'partlySettled' ? 'filled' : 'light'} loading={busy === 'partly'} onClick={() => void run('partly', () => call('mediation.setOutcome', { caseId: view.caseId, outcome: 'partlySettled' }))} data-testid="outcome-partly">
            部分调解
          </Button>
          <Button color="red" variant={view.outcome === 'failed' ? 'filled' : 'light'} loading={busy === 'failed'} onClick={() => void run('failed', () => call('mediation.setOutcome', { caseId: view.caseId, outcome: 'failed' }), onFailed)} data-testid="outcome-failed">
            调解不成→开庭
          </Button>
          {view.hasInspectionAgreement && can('mediation.convertInspectionAgreement') && (
            <Button variant="outline" loading={busy === 'convert'} onClick={() => void run('convert', () => call('mediation.convertInspectionAgreement', { caseId: view.caseId }))} data-testid="mediation-convert">
              置换（监察调解协议转为仲裁调解书）
            </Button>
          )}
        </Group>}
        <Text size="xs" c="dimmed">
          调解书经双方当事人签收后发生法律效力（《劳动争议调解仲裁法》第四十二条）。调解不成或者调解书送达前一方反悔的，应当及时作出裁决。
        </Text>
        {can('mediation.recordSignature') && <Group gap="md" align="flex-end">
          <TextInput label="申请人签收日期" type="date" value={workersOn} onChange={(e) => setWorkersOn(e.currentTarget.value)} disabled={!canSign} />
          <Button variant="light" disabled={!canSign || !workersOn} loading={busy === 'workers'} onClick={() => void run('workers', () => call('mediation.recordSignature', { caseId: view.caseId, party: 'workers', signedOn: workersOn }))} data-testid="sign-workers">
            {view.signedByWorkersOn ? `已签收 ${view.signedByWorkersOn}` : '登记申请人签收'}
          </Button>
          <TextInput label="被申请人签收日期" type="date" value={respondentOn} onChange={(e) => setRespondentOn(e.currentTarget.value)} disabled={!canSign} />
          <Button variant="light" disabled={!canSign || !respondentOn} loading={busy === 'respondent'} onClick={() => void run('respondent', () => call('mediation.recordSignature', { caseId: view.caseId, party: 'respondent', signedOn: respondentOn }))} data-testid="sign-respondent">
            {view.signedByRespondentOn ? `已签收 ${view.signedByRespondentOn}` : '登记被申请人签收'}
          </Button>
        </Group>}
        {!can('mediation.recordSignature') && (view.signedByWorkersOn || view.signedByRespondentOn) && (
          <Text size="sm">
            调解书签收：申请人 {view.signedByWorkersOn ?? '未签收'}；被申请人 {view.signedByRespondentOn ?? '未签收'}
          </Text>
        )}
        {!canSign && (
          <Text size="xs" c="dimmed">
            达成（部分）调解后方可登记调解书签收。
          </Text>
        )}
        {error && <Alert color="red">{error}</Alert>}
      </Stack>
    </Card>
  );
}
