import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { CaseDetail } from '../../../../electron/core/contract';
import { formatChineseDate, todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';

/** Who files by default: the representatives of a collective case, else the workers by name. */
function defaultApplicant(detail: CaseDetail): string {
  const reps = detail.workers.filter((w) => w.isRepresentative).map((w) => w.name);
  if (detail.isCollective && reps.length) return `代表人${reps.join('、')}`;
  return detail.workers.map((w) => w.name).join('、');
}

/**
 * 撤回仲裁申请: the application as received (date, who, reason) and, in a collective case, the
 * represented workers' consent — recorded before the 撤回仲裁申请决定书 can be made.
 */
export function WithdrawalApplication({ detail, onChange }: { detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const a = detail.withdrawalApplication;
  const [editing, setEditing] = useState(!a);
  const [appliedOn, setAppliedOn] = useState(a?.appliedOn ?? todayInChina());
  const [appliedBy, setAppliedBy] = useState(a?.appliedBy ?? defaultApplicant(detail));
  const [reason, setReason] = useState(a?.reason ?? '');
  const [consentOn, setConsentOn] = useState(a?.consentOn ?? (detail.isCollective ? todayInChina() : ''));
  const [consentNote, setConsentNote] = useState(a?.consentNote ?? (detail.isCollective ? `${detail.workers.length}名劳动者签名的撤回同意书` : ''));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await call('closing.recordWithdrawalApplication', { caseId: detail.id, appliedOn, appliedBy, reason, consentOn: consentOn || null, consentNote: consentNote || null }));
      setEditing(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="withdrawal-application">
      <Group justify="space-between" mb="xs">
        <Title order={5}>撤回仲裁申请</Title>
        {a && !editing && (
          <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)}>
            修改
          </Button>
        )}
      </Group>
      {a && !editing ? (
        <Text size="sm" data-testid="withdrawal-recorded">
          {a.appliedBy}于{formatChineseDate(a.appliedOn)}申请撤回{a.reason ? `，理由：${a.reason}` : ''}
          {a.consentOn ? `；被代表的劳动者于${formatChineseDate(a.consentOn)}同意（${a.consentNote}）` : ''}
        </Text>
      ) : (
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput label="申请日期" type="date" value={appliedOn} max={todayInChina()} onChange={(e) => setAppliedOn(e.currentTarget.value)} data-testid="withdrawal-date" />
            <TextInput label="申请人（签名的劳动者或代表人）" value={appliedBy} onChange={(e) => setAppliedBy(e.currentTarget.value)} data-testid="withdrawal-by" />
          </Group>
          <Textarea label="理由（写入决定书）" autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} placeholder="如：双方已自行和解，工资已全部付清" data-testid="withdrawal-reason" />
          {detail.isCollective && (
            <Group grow align="flex-start">
              <TextInput label="被代表的劳动者同意日期" type="date" value={consentOn} max={todayInChina()} onChange={(e) => setConsentOn(e.currentTarget.value)} data-testid="withdrawal-consent-on" />
              <TextInput label="同意情况（集体案件撤回须经被代表的劳动者同意）" value={consentNote} onChange={(e) => setConsentNote(e.currentTarget.value)} data-testid="withdrawal-consent-note" />
            </Group>
          )}
          {error && <Alert color="red" data-testid="withdrawal-error">{error}</Alert>}
          <Group justify="flex-end">
            {a && (
              <Button variant="default" size="xs" onClick={() => setEditing(false)}>
                取消
              </Button>
            )}
            <Button size="xs" onClick={save} loading={busy} data-testid="withdrawal-save">
              登记撤回申请
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
