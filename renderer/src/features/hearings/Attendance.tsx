import { useState } from 'react';
import { Alert, Badge, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { AttendanceParty, HearingDetail } from '../../../../electron/core/contract';
import { call } from '../../api';
import { hearingOutcomeLabels } from './labels';

type Row = { partyId: number; name: string; present: boolean; attendedBy: string };

const rowsOf = (list: AttendanceParty[]): Row[] => list.map((p) => ({ partyId: p.partyId, name: p.name, present: p.present ?? true, attendedBy: p.attendedBy ?? '' }));

/** What follows from who came: nobody of the applicant side → deemed withdrawal; a respondent absent → default as to it. */
function consequence(applicants: Row[], respondents: Row[]): { outcome: 'held' | 'default' | 'deemedWithdrawal'; text: string } {
  if (!applicants.some((a) => a.present)) return { outcome: 'deemedWithdrawal', text: '申请人一方均未到庭：经书面通知无正当理由拒不到庭的，视为撤回仲裁申请（《劳动争议调解仲裁法》第三十六条、《办案规则》第三十九条）。' };
  const absent = respondents.filter((r) => !r.present);
  if (absent.length) return { outcome: 'default', text: `被申请人${absent.map((r) => r.name).join('、')}未到庭：经书面通知无正当理由拒不到庭的，对其缺席审理，可以缺席裁决（《劳动争议调解仲裁法》第三十六条）；其他当事人照常开庭。` };
  return { outcome: 'held', text: '各方当事人均到庭，按庭审程序进行。' };
}

/** 到庭情况, party by party: each representative (or worker) and each respondent, with who appeared for it. */
export function Attendance({ hearing, beforeSave, onSaved }: { hearing: HearingDetail; beforeSave: () => Promise<void>; onSaved: (d: HearingDetail) => void }) {
  const [applicants, setApplicants] = useState(() => rowsOf(hearing.attendance.applicants));
  const [respondents, setRespondents] = useState(() => rowsOf(hearing.attendance.respondents));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const preview = consequence(applicants, respondents);
  const recorded = hearing.attendance.respondents.every((r) => r.present !== null) && hearing.outcome !== null;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeSave();
      onSaved(
        await call('hearings.attendance', {
          id: hearing.id,
          applicants: applicants.map((a) => ({ workerId: a.partyId, present: a.present, attendedBy: a.attendedBy.trim() || null })),
          respondents: respondents.map((r) => ({ respondentId: r.partyId, present: r.present, attendedBy: r.attendedBy.trim() || null })),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const edit = (set: typeof setApplicants, i: number, patch: Partial<Row>) => set((rows) => rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const side = (title: string, rows: Row[], set: typeof setApplicants, kind: 'applicant' | 'respondent', placeholder: string) => (
    <Stack gap={6}>
      <Text fw={600} size="sm">
        {title}
      </Text>
      {rows.map((r, i) => (
        <Group key={r.partyId} gap="xs" wrap="nowrap" data-testid={`attendance-${kind}-${i}`}>
          <Checkbox label={r.name} checked={r.present} onChange={(e) => edit(set, i, { present: e.currentTarget.checked })} miw={kind === 'respondent' ? 220 : 90} data-testid={`attendance-${kind}-present-${i}`} />
          <TextInput
            size="xs"
            placeholder={r.present ? placeholder : '未到庭'}
            disabled={!r.present}
            value={r.present ? r.attendedBy : ''}
            onChange={(e) => edit(set, i, { attendedBy: e.currentTarget.value })}
            aria-label={`${r.name}出庭人员`}
            style={{ flex: 1 }}
            data-testid={`attendance-${kind}-by-${i}`}
          />
        </Group>
      ))}
    </Stack>
  );
  return (
    <Card withBorder data-testid="attendance">
      <Group justify="space-between" mb="xs">
        <Title order={4}>到庭情况</Title>
        {hearing.outcome && (
          <Badge color={hearing.outcome === 'held' ? 'green' : 'orange'} size="lg" data-testid="attendance-outcome">
            {hearingOutcomeLabels[hearing.outcome]}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {side(hearing.attendance.applicantLabel, applicants, setApplicants, 'applicant', '本人（或代理人姓名）')}
        {side('被申请人', respondents, setRespondents, 'respondent', '出庭人员，如：委托代理人王五')}
      </SimpleGrid>
      <Text size="sm" mt="sm" c={preview.outcome === 'held' ? 'dimmed' : 'orange.9'} data-testid="attendance-consequence">
        {hearingOutcomeLabels[preview.outcome]}：{preview.text}
      </Text>
      {preview.outcome !== 'held' && !hearing.noticeServedOn && !hearing.noticeWaived && (
        <Text size="xs" c="red" mt={4}>
          开庭通知未确认送达的，不能按撤回仲裁申请或缺席审理处理（《办案规则》第五十九条）。
        </Text>
      )}
      {error && (
        <Alert color="red" mt="xs" data-testid="attendance-error">
          {error}
        </Alert>
      )}
      <Group mt="sm">
        <Button onClick={() => void save()} loading={busy} disabled={hearing.status === 'cancelled'} data-testid="attendance-save">
          {recorded ? '更正到庭情况' : '登记到庭情况'}
        </Button>
      </Group>
    </Card>
  );
}
