import { Alert, Badge, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
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

export function CasePage({ id }: { id: number }) {
  const { detail, related, error, setDetail } = useCase(id);
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
          </Badge>
        </Group>
      </Group>
      <StageBar stage={detail.stage} closed={detail.status === 'closed'} />
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
  );
}
