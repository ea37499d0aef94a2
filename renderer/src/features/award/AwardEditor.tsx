import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { AwardView, CaseDetail, DocumentView } from '../../../../electron/core/contract';
import { isValidDate } from '../../../../electron/core/dates';
import { formatYuan } from '../../../../electron/core/money';
import { claimTypeLabels } from '../../../../electron/core/domain';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { Editable } from '../../ui/Editable';
import { DocumentFileActions, ServiceStatus } from '../documents/DocumentRow';
import { AwardItemsTable } from './AwardItemsTable';
import { AwardTextField, type SaveState } from './AwardTextField';
import { parseAwarded } from './format';
import { LiabilityPanel } from '../liability/LiabilityPanel';
import { CourtActionsCard } from './CourtActionsCard';

type TextKey = 'defence' | 'factsFound' | 'evidenceRelied' | 'reasoning';
const textFields: { key: TextKey; label: string; description: string; rows: number }[] = [
  { key: 'defence', label: '答辩意见', description: '被申请人的答辩意见（未答辩的写明“被申请人未提交书面答辩意见”）', rows: 3 },
  { key: 'factsFound', label: '查明事实', description: '经审理查明的事实', rows: 5 },
  { key: 'evidenceRelied', label: '采信证据', description: '据以认定事实的证据及采信理由', rows: 3 },
  { key: 'reasoning', label: '本委认为', description: '裁决理由及所依据的法律条文', rows: 5 },
];

const saveLabels: Record<SaveState, { text: string; color: string }> = {
  idle: { text: '', color: 'dimmed' },
  pending: { text: '正在输入…', color: 'dimmed' },
  saving: { text: '保存中…', color: 'dimmed' },
  saved: { text: '✓ 已自动保存', color: 'teal' },
  failed: { text: '✗ 有内容未能保存，见标红处', color: 'red' },
};

/** 裁决: the texts, the decision per worker and claim item with its finality, and 作出裁决. */
export function AwardEditor({ detail }: { detail: CaseDetail }) {
  const can = useCan();
  const caseId = detail.id;
  const [award, setAward] = useState<AwardView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [decidedOn, setDecidedOn] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [issueError, setIssueError] = useState<string | null>(null);
  const [issued, setIssued] = useState<DocumentView[] | null>(null);
  const pending = useRef(new Map<number, number | null>());

  const reload = useCallback(() => {
    call('award.get', { caseId })
      .then((a) => {
        setAward(a);
        setDecidedOn((prev) => prev || a.decidedOn || '');
        setLoadError(null);
      })
      .catch((e: Error) => setLoadError(e.message));
  }, [caseId]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((event) => event.type === 'cases.changed' && event.caseId === caseId && pending.current.size === 0 && reload()), [caseId, reload]);

  const saveTexts = useCallback(
    async (patch: Partial<Record<TextKey, string>>) => {
      setAward(await call('award.save', { caseId, ...patch }));
    },
    [caseId],
  );

  const flushItems = useCallback(async (): Promise<boolean> => {
    if (!pending.current.size) return true;
    const items = [...pending.current.entries()].map(([claimItemId, awardedFen]) => ({ claimItemId, awardedFen }));
    pending.current.clear();
    setSaveState('saving');
    try {
      const next = await call('award.save', { caseId, items });
      setAward(next);
      setDrafts((prev) => {
        const copy = { ...prev };
        for (const i of items) delete copy[i.claimItemId];
        return copy;
      });
      setSaveState('saved');
      return true;
    } catch (e) {
      // the typed values stay in their cells; the message goes on each of them
      const message = (e as Error).message;
      setErrors((prev) => ({ ...prev, ...Object.fromEntries(items.map((i) => [i.claimItemId, message])) }));
      setSaveState('failed');
      return false;
    }
  }, [caseId]);
  const flushSoon = useDebouncedCallback(() => void flushItems(), 700);
  useEffect(() => () => void flushItems(), [flushItems]);

  const onItemChange = useCallback(
    (claimItemId: number, text: string) => {
      setDrafts((prev) => ({ ...prev, [claimItemId]: text }));
      const item = award?.items.find((i) => i.claimItemId === claimItemId);
      const parsed = parseAwarded(text, item?.claimedFen ?? Number.MAX_SAFE_INTEGER);
      if (!parsed.ok) {
        pending.current.delete(claimItemId);
        setErrors((prev) => ({ ...prev, [claimItemId]: parsed.message }));
        setSaveState('failed');
        return;
      }
      setErrors((prev) => {
        const copy = { ...prev };
        delete copy[claimItemId];
        return copy;
      });
      pending.current.set(claimItemId, parsed.fen);
      setSaveState('pending');
      flushSoon();
    },
    [award, flushSoon],
  );
  const onItemBlur = useCallback(() => {
    flushSoon.cancel();
    void flushItems();
  }, [flushItems, flushSoon]);

  const saveDate = async (value: string) => {
    setDecidedOn(value);
    if (value && !isValidDate(value)) return setDateError('日期格式应为 YYYY-MM-DD');
    setDateError(null);
    setSaveState('saving');
    try {
      setAward(await call('award.save', { caseId, decidedOn: value || null }));
      setSaveState('saved');
    } catch (e) {
      setDateError((e as Error).message);
      setSaveState('failed');
    }
  };

  /** 全部按请求金额: fills every item not decided yet with its claimed amount. */
  const fillClaimed = () => {
    if (!award) return;
    for (const i of award.items) if (i.awardedFen === null && drafts[i.claimItemId] === undefined) onItemChange(i.claimItemId, (i.claimedFen / 100).toFixed(2));
  };

  const issue = async () => {
    setIssueError(null);
    if (!decidedOn || !isValidDate(decidedOn)) return setIssueError('请先填写裁决日期');
    if (Object.keys(errors).length) return setIssueError('有裁决金额填写有误，请先改正标红的金额');
    setIssuing(true);
    try {
      flushSoon.cancel();
      if (!(await flushItems())) throw new Error('有裁决金额未能保存，请先改正');
      const result = await call('award.issue', { caseId, decidedOn });
      setAward(result.award);
      setIssued(result.documents);
    } catch (e) {
      setIssueError((e as Error).message);
    } finally {
      setIssuing(false);
    }
  };

  if (loadError && !award) return <Alert color="red">{loadError}</Alert>;
  if (!award) return <Loader />;
  const mixed = award.hasFinal && award.hasNonFinal;
  // after closing nothing here changes (the server refuses too): shown, not editable
  const closed = detail.status === 'closed';
  const undecided = award.items.filter((i) => i.awardedFen === null).length;
  const state = saveLabels[saveState];
  // 书记员 may draft the award; only 仲裁员 issue (sign) it
  const drafting = can('award.save');
  const signing = can('award.issue');

  return (
    <Stack gap="md" data-testid="award-editor">
      {closed && (
        <Alert color="gray" data-testid="award-closed">
          案件已结案：裁决内容和金额只供查看，不能再修改。
        </Alert>
      )}
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Group gap="xs">
            <Title order={4}>裁决</Title>
            {award.issuedAt && (
              <Badge color="green" data-testid="award-issued">
                已作出裁决 · {award.decidedOn}
              </Badge>
            )}
          </Group>
          <Text size="sm" c={state.color} data-testid="award-save-state">
            {state.text}
          </Text>
        </Group>
        <Editable allowed={drafting}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {textFields.map((f) => (
            <AwardTextField
              key={f.key}
              label={f.label}
              description={f.description}
              value={award[f.key]}
              minRows={f.rows}
              testId={`award-text-${f.key}`}
              readOnly={closed}
              onState={setSaveState}
              onSave={(value) => saveTexts({ [f.key]: value })}
            />
          ))}
        </SimpleGrid>
        </Editable>
      </Paper>

      <Paper withBorder p="md">
        <Group justify="space-between" align="flex-end" mb="xs">
          <div>
            <Title order={4}>裁决事项</Title>
            <Text size="sm" c="dimmed" data-testid="award-threshold">
              {award.thresholdFen !== null && award.minimumWageFen !== null
                ? `终局标准：12×最低工资 = ${formatYuan(award.thresholdFen)}（按裁决日有效的月最低工资${formatYuan(award.minimumWageFen)}）；每名申请人每项请求的裁决数额不超过此数的为终局裁决事项（《办案规则》第五十条），金额改动后即时重算。`
                : award.decidedOn
                  ? '裁决日没有有效的最低工资标准，无法判断终局/非终局，请在“设置”中填写当地月最低工资标准。'
                  : '填写裁决日期后，按当日有效的月最低工资标准判断每项是否为终局裁决。'}
            </Text>
            {award.minimumWageIsDemo && award.minimumWageFen !== null && (
              <Text size="sm" c="orange.8" fw={500} data-testid="award-threshold-demo">
                注意：月最低工资{formatYuan(award.minimumWageFen)}是演示数据，尚未核对；请在“设置”中按当地公布的标准核对后再据此判断终局裁决。
              </Text>
            )}
          </div>
          {drafting && (
            <Button variant="light" size="xs" onClick={fillClaimed} disabled={closed || !undecided} data-testid="award-fill-claimed">
              未裁决事项按请求金额填入
            </Button>
          )}
        </Group>
        {award.settled && (
          <Alert color="teal" mb="xs" data-testid="award-settled">
            {award.settled.workerNames.length <= 3 ? award.settled.workerNames.join('、') : `${award.settled.workerNames[0]}等${award.settled.workers}人`}的{award.settled.items}项请求（调解金额{formatYuan(award.settled.amountFen)}）已由{award.settled.effectiveOn}生效的调解书处理，本裁决不再裁决，只裁决下列其余请求。
          </Alert>
        )}
        {award.withdrawn.length > 0 && (
          <Alert color="gray" mb="xs" data-testid="award-withdrawn">
            已撤回、不予裁决的请求（裁决书载明撤回情况）：
            {award.withdrawn.map((w) => `${w.workerName}「${claimTypeLabels[w.type]}」${formatYuan(w.claimedFen)}（${w.withdrawnOn}撤回）`).join('；')}
            。如需撤回其他请求或撤销撤回，请在「快调」调解表中操作。
          </Alert>
        )}
        {mixed && (
          <Alert color="orange" mb="xs" data-testid="award-mixed">
            本裁决含终局与非终局事项，将分别制作两份裁决书。
          </Alert>
        )}
        {award.items.length ? (
          <AwardItemsTable items={award.items} drafts={drafts} errors={errors} disabled={closed || !drafting} onChange={onItemChange} onBlur={onItemBlur} />
        ) : (
          <Text c="dimmed">本案没有仲裁请求事项。</Text>
        )}
      </Paper>

      <LiabilityPanel
        view={award.liability}
        workerNames={new Map(award.items.map((i) => [i.workerId, i.workerName]))}
        itemWorker={new Map(award.items.map((i) => [i.claimItemId, i.workerId]))}
        disabled={!!award.issuedAt}
        onSet={async (claimItemIds, assignment) => {
          flushSoon.cancel();
          await flushItems();
          setAward(await call('award.setLiability', { caseId, claimItemIds, assignment }));
        }}
      />

      <Paper withBorder p="md">
        <Group align="flex-end" gap="md">
          <TextInput label="裁决日期" type="date" value={decidedOn} onChange={(e) => void saveDate(e.currentTarget.value)} error={dateError} readOnly={closed} disabled={!drafting} data-testid="award-decided-on" w={180} />
          {signing ? (
            <Button onClick={issue} loading={issuing} color="red" disabled={closed || !award.items.length || undecided > 0} data-testid="award-issue">
              {award.issuedAt ? '重新作出裁决（生成新版本）' : '作出裁决'}
            </Button>
          ) : (
            <Text size="sm" c="dimmed" data-testid="award-issue-by-arbitrator">
              裁决由仲裁员签发
            </Text>
          )}
          {undecided > 0 && (
            <Text size="sm" c="orange.8">
              尚有 {undecided} 项未裁决
            </Text>
          )}
        </Group>
        {issueError && (
          <Alert color="red" mt="sm" data-testid="award-issue-error">
            {issueError}
          </Alert>
        )}
        {issued && (
          <Stack gap="xs" mt="md" data-testid="award-documents">
            <Text fw={500}>已生成裁决书 {issued.length} 份{issued.length > 1 ? '（终局、非终局各一份）' : ''}：</Text>
            <Table verticalSpacing={6}>
              <Table.Tbody>
                {issued.map((d) => (
                  <Table.Tr key={d.id} data-testid={`doc-row-${d.id}`}>
                    <Table.Td>
                      {d.title} · v{d.version}
                    </Table.Td>
                    <Table.Td>
                      <ServiceStatus doc={d} />
                    </Table.Td>
                    <Table.Td>
                      <DocumentFileActions doc={d} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">送达情况请在“文书”中登记。</Text>
          </Stack>
        )}
      </Paper>
      {award.issuedAt && <CourtActionsCard detail={detail} award={award} />}
    </Stack>
  );
}
