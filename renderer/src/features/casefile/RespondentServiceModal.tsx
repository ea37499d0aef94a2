import { useEffect, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import type { CaseDetail, ServiceMethod } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call } from '../../api';
import { ModalFrame } from '../../ui/ModalFrame';
import { useSubmit } from '../../ui/useSubmit';
import { serviceMethodOptions } from '../documents/files';

type Line = { organisationId: number; name: string; servedOn: string; method: ServiceMethod; waiver: string };

/**
 * 送达仲裁申请书副本: each respondent with its own signed-for date and method (its defence period runs
 * from its date); in simplified procedure, a respondent's consent to shorten the defence period.
 */
export function RespondentServiceModal({ detail, opened, onClose, onSaved }: { detail: CaseDetail; opened: boolean; onClose: () => void; onSaved: (d: CaseDetail) => void }) {
  const simplified = detail.procedure === 'simplified';
  const [lines, setLines] = useState<Line[]>([]);
  const change = (id: number, patch: Partial<Line>) => setLines((prev) => prev.map((l) => (l.organisationId === id ? { ...l, ...patch } : l)));
  const filled = lines.filter((l) => l.servedOn);
  const { error, setError, busy, submit: save } = useSubmit(async () => {
    const d = await call('cases.recordService', {
      id: detail.id,
      respondents: filled.map((l) => ({ organisationId: l.organisationId, servedOn: l.servedOn, method: l.method, ...(simplified ? { defenceWaiver: l.waiver.trim() || null } : {}) })),
    });
    onSaved(d);
    onClose();
  });
  useEffect(() => {
    if (!opened) return;
    setError(null);
    setLines(detail.respondents.map((r) => ({ organisationId: r.id, name: r.name, servedOn: r.servedOn ?? '', method: r.serviceMethod ?? 'inPerson', waiver: r.defenceWaiver ?? '' })));
  }, [opened, detail]);

  return (
    <ModalFrame opened={opened} onClose={onClose} title="登记送达仲裁申请书副本（应诉通知书）" testId="respondent-service-modal" size="xl">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          每个被申请人分别填写签收日期和送达方式，答辩期自各自签收之次日起算；尚未送达的留空。
        </Text>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>被申请人</Table.Th>
              <Table.Th w={150}>签收日期</Table.Th>
              <Table.Th w={130}>送达方式</Table.Th>
              {simplified && <Table.Th>同意缩短答辩期（简易处理，记明何时以何种方式同意）</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.organisationId} data-testid={`respondent-service-${l.organisationId}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {l.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput size="xs" type="date" value={l.servedOn} max={todayInChina()} onChange={(e) => change(l.organisationId, { servedOn: e.currentTarget.value })} aria-label={`${l.name}签收日期`} data-testid={`respondent-served-${l.organisationId}`} />
                </Table.Td>
                <Table.Td>
                  <NativeSelect size="xs" data={serviceMethodOptions} value={l.method} onChange={(e) => change(l.organisationId, { method: e.currentTarget.value as ServiceMethod })} aria-label={`${l.name}送达方式`} data-testid={`respondent-method-${l.organisationId}`} />
                </Table.Td>
                {simplified && (
                  <Table.Td>
                    <TextInput size="xs" placeholder="如：签收时书面同意答辩期缩短为3日" value={l.waiver} maxLength={300} onChange={(e) => change(l.organisationId, { waiver: e.currentTarget.value })} aria-label={`${l.name}同意缩短答辩期`} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {error && <Alert color="red" data-testid="respondent-service-error">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={() => void save()} loading={busy} disabled={!filled.length} data-testid="respondent-service-save">
            记录送达（{filled.length}个被申请人）
          </Button>
        </Group>
      </Stack>
    </ModalFrame>
  );
}
