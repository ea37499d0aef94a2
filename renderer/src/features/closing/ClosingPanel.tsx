import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CaseDetail, ChecklistItem, ClosingMethod } from '../../../../electron/core/contract';
import { formatChineseDate, todayInChina } from '../../../../electron/core/dates';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { ClosingChecklist } from './ClosingChecklist';
import { closedToast, closingMethodLabels, closingMethodOptions, deadlineDue, suggestedMethod, type ClosingDetail } from './closingModel';
import { ClosingResultCard } from './ClosingResultCard';
import { SuspensionExtension } from './SuspensionExtension';
import { WithdrawalApplication } from './WithdrawalApplication';

/** 结案: choose how the case ends, see what is still missing, close; suspension and extension beside. */
export function ClosingPanel({ detail, onChange }: { detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const can = useCan();
  const caseId = detail.id;
  const closing = detail as ClosingDetail;
  const closed = detail.status === 'closed';
  const [method, setMethod] = useState<ClosingMethod | null>(null);
  const [closedOn, setClosedOn] = useState(todayInChina());
  const [checklist, setChecklist] = useState<{ items: ChecklistItem[]; canClose: boolean } | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [closeError, setCloseError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [context, setContext] = useState<{ mediation: string | null; award: string | null }>({ mediation: null, award: null });
  const asked = useRef(0);

  // What the case has reached (mediation effective, award issued) picks the default method.
  useEffect(() => {
    let live = true;
    Promise.all([call('mediation.get', { caseId }).catch(() => null), call('award.get', { caseId }).catch(() => null)]).then(([m, a]) => {
      if (!live) return;
      setContext({
        mediation: m ? (m.effective ? '调解书已由双方签收生效' : m.outcome ? '已调解，调解书尚未经双方签收' : null) : null,
        award: a?.issuedAt ? `已于${a.decidedOn ?? ''}作出裁决（${a.hasFinal && a.hasNonFinal ? '含终局与非终局事项' : a.hasNonFinal ? '非终局' : '终局'}）` : null,
      });
      setMethod((prev) => prev ?? suggestedMethod(detail, Boolean(m?.effective), a));
    });
    return () => {
      live = false;
    };
  }, [caseId]); // the default is picked once per case

  const loadChecklist = useCallback(() => {
    if (!method || closed) return;
    const ticket = ++asked.current;
    call('closing.checklist', { caseId, method })
      .then((r) => {
        if (ticket !== asked.current) return;
        setChecklist(r);
        setCheckError(null);
      })
      .catch((e: Error) => ticket === asked.current && setCheckError(e.message));
  }, [caseId, method, closed]);
  useEffect(loadChecklist, [loadChecklist]);
  useEffect(() => onEvent((event) => event.type === 'cases.changed' && event.caseId === caseId && loadChecklist()), [caseId, loadChecklist]);

  const [confirming, setConfirming] = useState(false);
  const close = async () => {
    if (!method) return;
    setConfirming(false);
    setBusy(true);
    setCloseError(null);
    try {
      const next = await call('closing.close', { caseId, method, closedOn });
      onChange(next);
      notifications.show({ color: 'green', message: closedToast(method, next.awardFinality) });
    } catch (e) {
      setCloseError((e as Error).message);
      loadChecklist();
    } finally {
      setBusy(false);
    }
  };

  const awardDue = deadlineDue(detail, 'award');
  const fastDue = deadlineDue(detail, 'fastTrack');

  return (
    <Stack gap="md" data-testid="closing-panel">
      {closed && <ClosingResultCard detail={closing} />}
      {!closed && (
        <Paper withBorder p="md">
          <Group justify="space-between" mb="sm" align="flex-start">
            <div>
              <Title order={4}>结案</Title>
              <Group gap={6} mt={4}>
                {context.mediation && <Badge variant="light" color="blue">{context.mediation}</Badge>}
                {context.award && <Badge variant="light" color="grape">{context.award}</Badge>}
              </Group>
            </div>
            <Table w={360} verticalSpacing={2} fz="sm">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td c="dimmed">裁决期限届满</Table.Td>
                  <Table.Td data-testid="closing-award-due">{awardDue ? formatChineseDate(awardDue) : '—'}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Td c="dimmed">速裁目标日</Table.Td>
                  <Table.Td data-testid="closing-fast-due">{fastDue ? formatChineseDate(fastDue) : '—'}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Group>
          <Group align="flex-end" gap="md" mb="md">
            <Select label="结案方式" data={closingMethodOptions} value={method} onChange={(v) => v && setMethod(v as ClosingMethod)} allowDeselect={false} w={200} data-testid="closing-method" />
            <TextInput label="结案日期" type="date" value={closedOn} onChange={(e) => setClosedOn(e.currentTarget.value)} w={180} data-testid="closing-date" />
          </Group>
          <Text fw={500} size="sm" mb={6}>
            结案前核对
          </Text>
          {checkError && <Alert color="red" mb="xs">{checkError}</Alert>}
          {checklist ? <ClosingChecklist items={checklist.items} /> : method && !checkError ? <Loader size="sm" /> : null}
          {closeError && (
            <Alert color="red" mt="sm" data-testid="close-error">
              {closeError}
            </Alert>
          )}
          {confirming && method && (
            <Alert color="orange" mt="sm" title={`确定以「${closingMethodLabels[method]}」于${closedOn ? formatChineseDate(closedOn) : ''}结案？`} data-testid="close-confirm-box">
              <Text size="sm">结案后，请求、调解和裁决金额都不能再修改，结案日期用于计算是否按期结案。</Text>
              <Group mt="xs" gap="xs">
                <Button color="green" size="xs" onClick={close} data-testid="close-confirm">
                  确定结案
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                  再看看
                </Button>
              </Group>
            </Alert>
          )}
          <Group mt="md" gap="sm">
            {can('closing.close') && (
              <Button color="green" onClick={() => setConfirming(true)} loading={busy} disabled={!checklist?.canClose || !closedOn || confirming} data-testid="close-case">
                结案
              </Button>
            )}
            {checklist && !checklist.canClose && (
              <Text size="sm" c="red.7">
                尚有未完成事项，完成后方可结案
              </Text>
            )}
          </Group>
        </Paper>
      )}
      {!closed && method === 'withdrawal' && can('closing.recordWithdrawalApplication') && <WithdrawalApplication detail={detail} onChange={onChange} />}
      {!closed && can('closing.suspend') && <SuspensionExtension detail={closing} onChange={onChange} />}
    </Stack>
  );
}
