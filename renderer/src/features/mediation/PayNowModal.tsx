import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import type { ExhibitView, MediationView, MediationWorkerRow, PaymentMethod } from '../../../../electron/core/contract';
import { formatYuan, parseYuanToFen } from '../../../../electron/core/money';
import { paymentProblem } from '../../../../electron/core/settlement';
import { call } from '../../api';
import { useSubmit } from '../../ui/useSubmit';
import { exhibitLabel } from '../evidence/format';
import { fenToInput, nowLocalMinute, paymentMethodOptions } from './format';

/** 当场支付: a payment made in the room, recorded as it happens; the balance updates at once. */
export function PayNowModal({ caseId, row, onClose, onSaved }: { caseId: number; row: MediationWorkerRow; onClose: () => void; onSaved: (view: MediationView) => void }) {
  const defaultMethod = row.claims.find((c) => c.method)?.method ?? 'bankTransfer';
  const openInstalment = row.instalments.find((i) => i.status !== 'paid');
  const [amount, setAmount] = useState(fenToInput(openInstalment ? Math.min(openInstalment.amountFen - openInstalment.paidFen, row.balanceFen) : row.balanceFen));
  const [paidAt, setPaidAt] = useState(nowLocalMinute());
  const [method, setMethod] = useState<PaymentMethod>(defaultMethod);
  const [reference, setReference] = useState('');
  const [exhibitId, setExhibitId] = useState<string | null>(null);
  const [instalmentId, setInstalmentId] = useState<string | null>(openInstalment ? String(openInstalment.id) : null);
  const [exhibits, setExhibits] = useState<ExhibitView[]>([]);

  useEffect(() => {
    call('evidence.list', { caseId })
      .then(setExhibits)
      .catch(() => setExhibits([]));
  }, [caseId]);

  const parsed = parseYuanToFen(amount);
  const amountError = amount === '' ? null : !parsed.ok ? parsed.message : parsed.fen <= 0 ? '金额须大于0' : paymentProblem(row.name, row, parsed.fen);

  const { error, busy, submit } = useSubmit(async () => {
    if (!parsed.ok || amountError) return;
    const view = await call('mediation.recordPayment', {
      caseId,
      workerId: row.workerId,
      amountFen: parsed.fen,
      paidAt,
      method,
      reference: reference.trim() || null,
      exhibitId: exhibitId ? Number(exhibitId) : null,
      instalmentId: instalmentId ? Number(instalmentId) : null,
    });
    onSaved(view);
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={`当场支付 · ${row.name}`} size="md">
      <Stack gap="sm" data-testid="pay-now-form">
        <Text size="sm" c="dimmed">
          调解金额 {formatYuan(row.agreedFen)} · 已付 {formatYuan(row.paidFen)} · 未付余额 <b>{formatYuan(row.balanceFen)}</b>
        </Text>
        <TextInput label="支付金额（元）" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={amountError} data-testid="pay-amount" data-autofocus />
        <TextInput label="支付时间" type="datetime-local" value={paidAt} onChange={(e) => setPaidAt(e.currentTarget.value)} data-testid="pay-time" />
        <Select label="支付方式" data={paymentMethodOptions} value={method} onChange={(v) => v && setMethod(v as PaymentMethod)} allowDeselect={false} data-testid="pay-method" />
        <TextInput label={method === 'cash' ? '签收单编号' : '转账流水号'} value={reference} onChange={(e) => setReference(e.currentTarget.value)} data-testid="pay-reference" />
        {row.instalments.length > 0 && (
          <Select
            label="对应分期"
            clearable
            data={row.instalments.map((i) => ({ value: String(i.id), label: `第${i.seq}期 ${i.dueOn} ${formatYuan(i.amountFen)}（已付${formatYuan(i.paidFen)}）` }))}
            value={instalmentId}
            onChange={setInstalmentId}
          />
        )}
        <Select
          label="转账凭证（证据，可不选）"
          placeholder={exhibits.length ? '选择证据' : '本案尚无证据，可在「证据」中上传转账截图后再关联'}
          clearable
          searchable
          data={exhibits.map((x) => ({ value: String(x.id), label: `${exhibitLabel(x.seq)} ${x.title}` }))}
          value={exhibitId}
          onChange={setExhibitId}
          data-testid="pay-exhibit"
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void submit()} loading={busy} disabled={!parsed.ok || !!amountError || !paidAt} data-testid="pay-submit">
            登记支付
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
