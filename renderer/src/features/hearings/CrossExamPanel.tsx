import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { CrossExaminationView, ExhibitView } from '../../../../electron/core/contract';
import { aspectLabels, partyLabels, type Aspect, type Party, type View } from '../../../../electron/core/hearing/crossExaminationLine';
import { submitterLabels } from '../../../../electron/core/domain';
import { call } from '../../api';
import { useCan } from '../../shell/session';
import { Editable } from '../../ui/Editable';
import { exhibitLabel } from '../evidence/format';

const aspects: Aspect[] = ['authenticity', 'legality', 'relevance'];
const parties: Party[] = ['applicant', 'respondent', 'tribunal'];
const partyViewLabels: Record<View, string> = { accepted: '认可', disputed: '有异议', noView: '不发表意见' };
const tribunalViewLabels: Record<View, string> = { accepted: '予以确认', disputed: '不予确认', noView: '暂不认定' };
const viewColors: Record<View, string> = { accepted: 'green', disputed: 'red', noView: 'gray' };

type Draft = { authenticity: View | null; legality: View | null; relevance: View | null; opinion: string };
const emptyDraft: Draft = { authenticity: null, legality: null, relevance: null, opinion: '' };

/** The latest view of each party on each exhibit. */
function latestViews(list: CrossExaminationView[]): Map<string, CrossExaminationView> {
  const map = new Map<string, CrossExaminationView>();
  for (const v of list) {
    const key = `${v.exhibitId}:${v.party}`;
    const known = map.get(key);
    if (!known || v.recordedAt > known.recordedAt || (v.recordedAt === known.recordedAt && v.id > known.id)) map.set(key, v);
  }
  return map;
}

function PartyRow({ exhibit, party, saved, hearingId, beforeSave, onSaved }: { exhibit: ExhibitView; party: Party; saved: CrossExaminationView | undefined; hearingId: number; beforeSave: () => Promise<void>; onSaved: () => void }) {
  const initial: Draft = saved ? { authenticity: saved.authenticity, legality: saved.legality, relevance: saved.relevance, opinion: saved.opinion } : emptyDraft;
  const [draft, setDraft] = useState<Draft>(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const savedKey = JSON.stringify(initial);
  useEffect(() => setDraft(JSON.parse(savedKey) as Draft), [savedKey]);
  const dirty = JSON.stringify(draft) !== savedKey;
  const labels = party === 'tribunal' ? tribunalViewLabels : partyViewLabels;

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await beforeSave();
      await call('crossExamination.save', { exhibitId: exhibit.id, hearingId, party, ...draft });
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Table.Tr data-testid={`cross-exam-${exhibit.id}-${party}`}>
      <Table.Td w={90}>
        <Text size="sm" fw={600}>
          {party === 'tribunal' ? '仲裁庭认定' : partyLabels[party]}
        </Text>
      </Table.Td>
      {aspects.map((a) => (
        <Table.Td key={a}>
          <Button.Group>
            {(Object.keys(labels) as View[]).map((v) => (
              <Button
                key={v}
                size="compact-xs"
                variant={draft[a] === v ? 'filled' : 'default'}
                color={viewColors[v]}
                onClick={() => setDraft({ ...draft, [a]: draft[a] === v ? null : v })}
                aria-pressed={draft[a] === v}
                aria-label={`${partyLabels[party]} ${aspectLabels[a]} ${labels[v]}`}
              >
                {labels[v]}
              </Button>
            ))}
          </Button.Group>
        </Table.Td>
      ))}
      <Table.Td>
        <TextInput size="xs" placeholder={party === 'tribunal' ? '认定理由' : '质证意见'} value={draft.opinion} onChange={(e) => setDraft({ ...draft, opinion: e.currentTarget.value })} error={error} aria-label={`${partyLabels[party]} 意见`} />
      </Table.Td>
      <Table.Td w={70}>
        <Button size="compact-xs" onClick={() => void save()} disabled={!dirty} loading={busy} data-testid={`cross-exam-save-${exhibit.id}-${party}`}>
          {dirty || !saved ? '保存' : '已保存'}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

/** 质证: each party's view of each exhibit on 真实性/合法性/关联性 and the tribunal's finding. */
export function CrossExamPanel({ caseId, hearingId, crossExaminations, beforeSave, onSaved }: { caseId: number; hearingId: number; crossExaminations: CrossExaminationView[]; beforeSave: () => Promise<void>; onSaved: () => void }) {
  const [exhibits, setExhibits] = useState<ExhibitView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('evidence.list', { caseId })
      .then(setExhibits)
      .catch((e: Error) => setError(e.message));
  }, [caseId, crossExaminations]);
  const latest = useMemo(() => latestViews(crossExaminations), [crossExaminations]);
  const can = useCan();

  return (
    <Card withBorder data-testid="cross-exam">
      <Title order={4} mb="xs">
        质证
      </Title>
      {error && <Alert color="red">{error}</Alert>}
      {exhibits && exhibits.length === 0 && (
        <Text size="sm" c="dimmed">
          本案尚无证据。
        </Text>
      )}
      <Editable allowed={can('crossExamination.save')}>
      <Stack gap="sm">
        {(exhibits ?? []).map((x) => {
          const examined = !!x.crossExaminedOn || parties.some((p) => latest.has(`${x.id}:${p}`));
          return (
            <Card key={x.id} withBorder p="xs" data-testid={`cross-exam-${x.id}`}>
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={700}>
                  {exhibitLabel(x.seq)}《{x.title}》
                  <Text span size="xs" c="dimmed" ml="xs">
                    {submitterLabels[x.submittedBy]}提交{x.purposeOfProof ? ` · 证明目的：${x.purposeOfProof}` : ''}
                  </Text>
                </Text>
                <Badge color={examined ? 'green' : 'gray'} variant={examined ? 'filled' : 'light'} data-testid={`cross-exam-status-${x.id}`}>
                  {examined ? '已质证' : '未质证'}
                </Badge>
              </Group>
              <Table verticalSpacing={4} withRowBorders={false}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th />
                    {aspects.map((a) => (
                      <Table.Th key={a}>{aspectLabels[a]}</Table.Th>
                    ))}
                    <Table.Th>意见</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {parties.map((p) => (
                    <PartyRow key={p} exhibit={x} party={p} saved={latest.get(`${x.id}:${p}`)} hearingId={hearingId} beforeSave={beforeSave} onSaved={onSaved} />
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          );
        })}
      </Stack>
      </Editable>
    </Card>
  );
}
