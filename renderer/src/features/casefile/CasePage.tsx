import { Suspense, useState } from 'react';
import { Alert, Badge, Grid, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { caseStatusLabels, channelLabels, procedureLabels } from '../../../../electron/core/domain';
import { formatChineseDate } from '../../../../electron/core/dates';
import { formatYuan } from '../../../../electron/core/money';
import { useCase } from './useCase';
import { StageBar } from './StageBar';
import { DeadlinesCard } from './DeadlinesCard';
import { IntakeActions } from './IntakeActions';
import { PartiesCard } from './PartiesCard';
import { WorkersCard } from './WorkersCard';
import { TimelineCard } from './TimelineCard';
import { RelatedCasesAlert } from './RelatedCasesAlert';
import { lazyNamed } from '../../ui/lazyNamed';

// Each tab's feature is its own chunk (evidence brings pdf.js), loaded when the tab is opened.
const EvidenceSection = lazyNamed(() => import('../evidence/EvidenceSection'), 'EvidenceSection');
const InspectionPanel = lazyNamed(() => import('../inspection/InspectionPanel'), 'InspectionPanel');
const MediationSection = lazyNamed(() => import('../mediation/MediationSection'), 'MediationSection');
const CaseHearingsSection = lazyNamed(() => import('../hearings/CaseHearingsSection'), 'CaseHearingsSection');
const DocumentsSection = lazyNamed(() => import('../documents/DocumentsSection'), 'DocumentsSection');
const AwardEditor = lazyNamed(() => import('../award/AwardEditor'), 'AwardEditor');
const ClosingPanel = lazyNamed(() => import('../closing/ClosingPanel'), 'ClosingPanel');

/** The open tab of a case, kept for this window's session: a reload returns to it. */
function useCaseTab(id: number): [string | null, (tab: string | null) => void] {
  const key = `sucai.caseTab.${id}`;
  const [tab, setTabState] = useState<string | null>(() => sessionStorage.getItem(key) ?? 'overview');
  const setTab = (next: string | null) => {
    setTabState(next);
    if (next) sessionStorage.setItem(key, next);
  };
  return [tab, setTab];
}

export function CasePage({ id }: { id: number }) {
  const { detail, related, error, setDetail } = useCase(id);
  const [tab, setTab] = useCaseTab(id);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!detail) return <Loader />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} data-testid="case-title">{detail.caseNumber ?? '待受理案件'}</Title>
          <Text c="dimmed">
            {detail.cause} · {channelLabels[detail.channel]} · 收案 {formatChineseDate(detail.receivedOn)} · {procedureLabels[detail.procedure]}
          </Text>
        </div>
        <Group gap="xs">
          <Badge size="lg" color={detail.status === 'rejected' ? 'gray' : detail.status === 'received' ? 'orange' : 'green'}>
            {caseStatusLabels[detail.status]}
          </Badge>
          {detail.isCollective && <Badge size="lg" color="grape">集体争议</Badge>}
          <Badge size="lg" variant="outline" data-testid="case-total">
            {detail.workerCount}人 · {formatYuan(detail.claimedTotalFen)}
            {detail.withdrawnFen > 0 && `（已撤回${formatYuan(detail.withdrawnFen)}）`}
          </Badge>
        </Group>
      </Group>
      <StageBar stage={detail.stage} closed={detail.status === 'closed'} />
      <Suspense fallback={<Loader m="md" />}>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview" data-testid="tab-overview">案件概况</Tabs.Tab>
          <Tabs.Tab value="evidence" data-testid="tab-evidence">证据</Tabs.Tab>
          <Tabs.Tab value="inspection" data-testid="tab-inspection">
            监察{detail.inspection ? '' : '（未开启）'}
          </Tabs.Tab>
          <Tabs.Tab value="mediation" data-testid="tab-mediation">快调</Tabs.Tab>
          <Tabs.Tab value="hearings" data-testid="tab-hearings">开庭</Tabs.Tab>
          <Tabs.Tab value="documents" data-testid="tab-documents">文书</Tabs.Tab>
          <Tabs.Tab value="award" data-testid="tab-award">裁决</Tabs.Tab>
          <Tabs.Tab value="closing" data-testid="tab-closing">结案</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Stack gap="md">
            {detail.status === 'received' && <RelatedCasesAlert related={related} />}
            <Grid>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <IntakeActions detail={detail} onChange={setDetail} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <DeadlinesCard deadlines={detail.deadlines} notice={detail.calendarNotice} />
              </Grid.Col>
            </Grid>
            <PartiesCard detail={detail} />
            <WorkersCard detail={detail} />
            {detail.status !== 'received' && <RelatedCasesAlert related={related} />}
            <TimelineCard events={detail.events} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          <EvidenceSection detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="inspection" pt="md">
          <InspectionPanel detail={detail} onChange={setDetail} />
        </Tabs.Panel>
        <Tabs.Panel value="mediation" pt="md">
          <MediationSection detail={detail} onFailed={() => setTab('hearings')} />
        </Tabs.Panel>
        <Tabs.Panel value="hearings" pt="md">
          <CaseHearingsSection detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md">
          <DocumentsSection detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="award" pt="md">
          <AwardEditor detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="closing" pt="md">
          <ClosingPanel detail={detail} onChange={setDetail} />
        </Tabs.Panel>
      </Tabs>
      </Suspense>
    </Stack>
  );
}
