import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { MediationView } from '../../../../electron/core/contract';
import { claimTypeLabels, type ClaimType } from '../../../../electron/core/domain';
import { todayInChina } from '../../../../electron/core/dates';
import { formatYuan } from '../../../../electron/core/money';
import { call } from '../../api';
import { useSubmit } from '../../ui/useSubmit';

export type WithdrawTarget = { claimItemId: number; workerName: string; type: ClaimType; claimedFen: number };

/**
 * 撤回仲裁请求: records the withdrawal of the chosen claim items — the date, who applied (the worker,
 * or in a collective case the representative, with the represented workers' consent) and the
 * reason. What was typed stays in the form when the service refuses it.
 */
export function WithdrawClaimsModal(props: {
  caseId: number;
  items: WithdrawTarget[];
  collective: boolean;
  representatives: string[];
  onClose: () => void;
  onSaved: (view: MediationView) => void;
}) {
  const { caseId, items, collective, representatives, onClose, onSaved } = props;
  const workers = [...new Set(items.map((i) => i.workerName))];
  const [applicant, setApplicant] = useState<'worker' | 'representative'>(collective && workers.length > 1 ? 'representative' : 'worker');
  const [name, setName] = useState(applicant === 'representative' ? (representatives[0] ?? '') : workers.length === 1 ? workers[0]! : '');
  const [withdrawnOn, setWithdrawnOn] = useState(todayInChina());
  const [consentOn, setConsentOn] = useState('');
  const [consentNote, setConsentNote] = useState('');
  const [reason, setReason] = useState('');
  const total = items.reduce((s, i) => s + i.claimedFen, 0);
  const types = [...new Set(items.map((i) => claimTypeLabels[i.type]))].join('、');

  const switchApplicant = (value: string) => {
    const next = value as 'worker' | 'representative';
    setApplicant(next);
    setName(next === 'representative' ? (representatives[0] ?? '') : workers.length === 1 ? workers[0]! : '');
  };

  const { error, busy, submit } = useSubmit(async () => {
    const representative = applicant === 'representative';
    onSaved(
      await call('mediation.withdrawClaims', {
        caseId,
        claimItemIds: items.map((i) => i.claimItemId),
        withdrawnOn,
        applicant,
        applicantName: name,
        reason,
        consentOn: representative && consentOn ? consentOn : null,
        consentNote: representative && consentNote.trim() ? consentNote : null,
      }),
    );
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title="撤回仲裁请求" size="md">
      <Stack gap="sm" data-testid="withdraw-form">
        <Text size="sm" data-testid="withdraw-summary">
          {workers.length === 1 ? workers[0] : `${workers.slice(0, 3).join('、')}${workers.length > 3 ? `等${workers.length}人` : ''}`}的「{types}」请求{items.length > 1 ? `${items.length}项` : ''}，请求金额合计{formatYuan(total)}。撤回后该请求不再调解或裁决，调解书、裁决书载明撤回情况。
        </Text>
        <TextInput type="date" label="撤回日期" value={withdrawnOn} onChange={(e) => setWithdrawnOn(e.currentTarget.value)} data-testid="withdraw-date" required />
        {collective && (
          <SegmentedControl
            value={applicant}
            onChange={switchApplicant}
            data={[
              { value: 'worker', label: '劳动者本人申请' },
              { value: 'representative', label: '代表人申请' },
            ]}
            data-testid="withdraw-applicant"
          />
        )}
        <TextInput
          label={applicant === 'representative' ? '代表人姓名' : '申请人（劳动者本人）'}
          description={applicant === 'representative' ? `本案代表人：${representatives.join('、') || '未登记'}` : workers.length > 1 ? '多名劳动者各自申请的，填写全部姓名' : undefined}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="withdraw-name"
          required
        />
        {applicant === 'representative' && (
          <Group grow align="flex-start">
            <TextInput type="date" label="被代表劳动者同意日期" value={consentOn} onChange={(e) => setConsentOn(e.currentTarget.value)} data-testid="withdraw-consent-on" required />
            <TextInput label="同意情况" placeholder="如：12名劳动者签名的同意书" value={consentNote} onChange={(e) => setConsentNote(e.currentTarget.value)} data-testid="withdraw-consent-note" required />
          </Group>
        )}
        <TextInput label="撤回理由（可不填）" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="withdraw-reason" />
        {error && (
          <Alert color="red" data-testid="withdraw-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button color="orange" loading={busy} onClick={() => void submit()} data-testid="withdraw-submit">
            登记撤回
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
