import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { AwardView, CaseDetail, CourtActionView } from '../../../../electron/core/contract';
import { courtActionKindLabels, courtActionStatusLabels } from '../../../../electron/core/contract';
import { todayInChina } from '../../../../electron/core/dates';
import { call, onEvent } from '../../api';
import { useBusyCall } from '../../ui/useSubmit';

const PART = { final: '终局裁决', nonFinal: '非终局裁决' } as const;

/**
 * 诉讼与撤销申请: a suit against the award (Law Arts 48, 50) or an employer's application to set a
 * final award aside (Art 49), recorded so that only the effective part of the award is enforced.
 */
export function CourtActionsCard({ detail, award }: { detail: CaseDetail; award: AwardView }) {
  const [list, setList] = useState<CourtActionView[]>([]);
  const { error, setError, busy, run } = useBusyCall();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'suit' | 'setAside'>('suit');
  const [filedBy, setFiledBy] = useState<'applicant' | 'respondent'>('applicant');
  const [part, setPart] = useState<'final' | 'nonFinal'>(award.hasNonFinal ? 'nonFinal' : 'final');
  const [workers, setWorkers] = useState<string[]>([]);
  const [respondent, setRespondent] = useState<string | null>(null);
  const [court, setCourt] = useState('');
  const [filedOn, setFiledOn] = useState(todayInChina());
  const reload = useCallback(() => {
    call('courtActions.list', { caseId: detail.id })
      .then(setList)
      .catch((e: Error) => setError(e.message));
  }, [detail.id]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((e) => e.type === 'cases.changed' && e.caseId === detail.id && reload()), [detail.id, reload]);

  const partWorkers = [...new Map(award.items.filter((i) => (part === 'final' ? i.isFinal : i.isFinal === false)).map((i) => [i.workerId, i.workerName])).entries()];
  const save = () =>
    run(async () => {
      setList(
        await call('courtActions.record', {
          caseId: detail.id,
          kind,
          filedBy,
          part,
          court,
          filedOn,
          ...(filedBy === 'respondent' ? { respondentId: respondent ? Number(respondent) : null } : { workerIds: workers.length ? workers.map(Number) : null }),
        }),
      );
      setOpen(false);
    });
  const update = async (a: CourtActionView, status: CourtActionView['status']) => {
    setError(null);
    try {
      setList(await call('courtActions.update', { id: a.id, status, endedOn: status === 'pending' ? null : todayInChina() }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  // the chain's respondents are the case's respondents in order; liabilities carry their case ids
  const respondents = award.liability.respondents;

  return (
    <Paper withBorder p="md" data-testid="court-actions">
      <Group justify="space-between" mb="xs">
        <Title order={4}>起诉与撤销裁决申请</Title>
        {!open && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)} data-testid="court-action-add">
            登记起诉或撤销申请
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        劳动者对终局裁决不服可在十五日内起诉（第四十八条）；用人单位可在三十日内向中级人民法院申请撤销终局裁决（第四十九条）；对非终局裁决不服的当事人可在十五日内起诉，期满不起诉的裁决生效（第五十条）。登记后，申请强制执行只包括已生效的部分。
      </Text>
      {list.length > 0 && (
        <Table mb="sm" data-testid="court-action-list">
          <Table.Tbody>
            {list.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text size="sm">
                    {a.filedOn} {a.partyText}就{PART[a.part]}{courtActionKindLabels[a.kind]}（{a.court}）
                  </Text>
                  <Text size="xs" c="dimmed">
                    {a.effect}
                  </Text>
                </Table.Td>
                <Table.Td w={110}>
                  <Badge color={a.status === 'pending' ? 'orange' : 'gray'}>{courtActionStatusLabels[a.status]}</Badge>
                </Table.Td>
                <Table.Td w={220}>
                  {a.status === 'pending' && (
                    <Group gap={4}>
                      {(a.kind === 'suit' ? (['withdrawn', 'judged'] as const) : (['rejected', 'setAside'] as const)).map((st) => (
                        <Button key={st} size="compact-xs" variant="subtle" onClick={() => void update(a, st)}>
                          {courtActionStatusLabels[st]}
                        </Button>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && (
        <Stack gap="xs">
          <Group align="flex-end" gap="sm">
            <Select label="事项" data={[{ value: 'suit', label: '向人民法院起诉' }, { value: 'setAside', label: '申请撤销终局裁决' }]} value={kind} onChange={(v) => setKind((v as 'suit') ?? 'suit')} allowDeselect={false} w={170} data-testid="court-action-kind" />
            <Select label="提起方" data={[{ value: 'applicant', label: '申请人（劳动者）' }, { value: 'respondent', label: '被申请人（用人单位）' }]} value={filedBy} onChange={(v) => setFiledBy((v as 'applicant') ?? 'applicant')} allowDeselect={false} w={170} data-testid="court-action-by" />
            <Select
              label="针对"
              data={[...(award.hasFinal ? [{ value: 'final', label: '终局裁决' }] : []), ...(award.hasNonFinal ? [{ value: 'nonFinal', label: '非终局裁决' }] : [])]}
              value={part}
              onChange={(v) => setPart((v as 'final') ?? 'final')}
              allowDeselect={false}
              w={130}
              data-testid="court-action-part"
            />
            <TextInput label="法院" placeholder="如：赣州市章贡区人民法院" value={court} onChange={(e) => setCourt(e.currentTarget.value)} w={240} data-testid="court-action-court" />
            <TextInput label="起诉（申请）日期" type="date" value={filedOn} onChange={(e) => setFiledOn(e.currentTarget.value)} w={160} />
          </Group>
          {filedBy === 'applicant' ? (
            <MultiSelect
              label="起诉的劳动者（不选为全体申请人）"
              data={partWorkers.map(([id, name]) => ({ value: String(id), label: name }))}
              value={workers}
              onChange={setWorkers}
              searchable
              data-testid="court-action-workers"
            />
          ) : (
            <Select label="被申请人" data={respondents.map((r) => ({ value: String(r.id), label: r.name }))} value={respondent} onChange={setRespondent} w={300} data-testid="court-action-respondent" />
          )}
          <Group>
            <Button onClick={() => void save()} loading={busy} data-testid="court-action-save">
              保存
            </Button>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              取消
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert color="red" mt="xs" data-testid="court-action-error">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
