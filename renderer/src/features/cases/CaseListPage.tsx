import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { channelLabels, channels, stageLabels, stages, type Channel, type Stage } from '../../../../electron/core/domain';
import { groupThousands } from '../../../../electron/core/money';
import { hrefFor, navigate } from '../../router';
import { caseListFilter, useCasePages, type CaseTotal } from './useCasePages';
import { prefetchFirstPage } from './firstPage';
import { BundleImportButton } from '../evidence/Bundle';
import { useCan } from '../../shell/session';
import { CaseListRow, CaseListHeader, ROW_HEIGHT } from './CaseListRow';
import { useLinkFilter } from '../dashboard/useLinkFilter';
import { LinkFilterChips } from '../dashboard/LinkFilterChips';

/** One function for every row, so that the memoised rows are not drawn again on each keystroke. */
const openCase = (id: number) => navigate({ page: 'case', id });

export function CaseListPage() {
  // Every keystroke searches (each answer takes milliseconds); an answer for older text is dropped.
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState<Stage | null>(null);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [due, setDue] = useState<'all' | 'overdue' | 'soon'>('all');
  // Filters handed over by a link (e.g. a dashboard figure): #/cases?closedFrom=…; the page's own controls win.
  const [linkFilter, setLinkFilter] = useLinkFilter();
  const controls = { stage, channel, due: due === 'all' ? null : due };
  const { total, rows, error, ensure, shownKey } = useCasePages(caseListFilter(linkFilter, { query, ...controls }));
  const onQuery = (next: string) => {
    // The search goes out with the keystroke, while React draws the box again (the list takes this answer).
    prefetchFirstPage(caseListFilter(linkFilter, { query: next, ...controls }));
    setQuery(next);
  };

  const parentRef = useRef<HTMLDivElement>(null);
  // The search box takes the cursor once the first rows are there (focusing forces a layout: one, not two).
  const searchRef = useRef<HTMLInputElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (shownKey === null || focused.current) return;
    focused.current = true;
    searchRef.current?.focus();
  }, [shownKey]);
  const virtualizer = useVirtualizer({
    count: total?.count ?? 0,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // rows in the very first render (a prefetched first page), before the list box has been measured
    initialRect: { width: 0, height: Math.max(300, window.innerHeight - 260) },
  });
  const items = virtualizer.getVirtualItems();
  // The results of a new search start at their top (not where the previous list was scrolled to);
  // only when scrolled, as setting scrollTop forces a layout there and then (the virtualizer knows
  // the offset from its scroll events).
  const scrolled = Boolean(virtualizer.scrollOffset);
  useEffect(() => {
    if (scrolled && parentRef.current) parentRef.current.scrollTop = 0;
  }, [shownKey]); // on new results only, not on each scroll
  useEffect(() => {
    for (const item of items) if (!rows.has(item.index)) ensure(item.index);
  }, [items, rows, ensure]);

  // The filter controls are drawn again only when a filter changes, not on each keystroke in the search box.
  const filterControls = useMemo(
    () => (
      <>
        <Select
          label="阶段"
          placeholder="全部"
          clearable
          data={stages.map((s) => ({ value: s, label: stageLabels[s] }))}
          value={stage}
          onChange={(v) => setStage(v as Stage | null)}
          w={110}
        />
        <Select
          label="来源"
          placeholder="全部"
          clearable
          data={channels.map((c) => ({ value: c, label: channelLabels[c] }))}
          value={channel}
          onChange={(v) => setChannel(v as Channel | null)}
          w={200}
        />
        <SegmentedControl
          value={due}
          onChange={(v) => setDue(v as typeof due)}
          data={[
            { value: 'all', label: '全部期限' },
            { value: 'overdue', label: '已超期' },
            { value: 'soon', label: '3日内到期' },
          ]}
        />
      </>
    ),
    [stage, channel, due],
  );

  return (
    <Stack gap="sm" h="calc(100vh - 84px)">
      <ListHeader />
      <Paper withBorder p="sm">
        <Group gap="sm" align="end" wrap="wrap">
          <TextInput
            label="搜索"
            placeholder="案号、申请人姓名或拼音首字母（zs）、身份证号、被申请人、项目"
            value={query}
            onChange={(e) => onQuery(e.currentTarget.value)}
            w={420}
            data-testid="case-search"
            ref={searchRef}
          />
          {filterControls}
          <CaseCount total={total} />
        </Group>
      </Paper>
      <LinkFilterChips filter={linkFilter} onChange={setLinkFilter} />
      {error && <Alert color="red">{error}</Alert>}
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <CaseListHeader />
        <Box
          ref={parentRef}
          style={{ flex: 1, overflow: 'auto' }}
          data-testid="case-list"
          data-results-for={shownKey === null ? undefined : (JSON.parse(shownKey) as { query?: string }).query ?? ''}
        >
          {total?.count === 0 && (
            <Text p="xl" ta="center" c="dimmed">
              没有符合条件的案件
            </Text>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => (
              <CaseListRow
                key={item.key}
                row={rows.get(item.index)}
                top={item.start}
                onOpen={openCase}
              />
            ))}
          </div>
        </Box>
      </Paper>
      {HINT}
    </Stack>
  );
}

/** The title and the page's buttons: drawn once, not again with each keystroke in the search box. */
const ListHeader = memo(function ListHeader() {
  const can = useCan();
  return (
    <Group justify="space-between">
      <Title order={2}>案件列表</Title>
      <Group gap="sm">
        {can('bundle.import') && <BundleImportButton />}
        {can('cases.create') && (
          <Button component="a" href={hrefFor({ page: 'new' })}>
            新建案件
          </Button>
        )}
      </Group>
    </Group>
  );
});

const HINT = (
  <Group gap="xs">
    <Badge variant="light" color="gray">
      提示
    </Badge>
    <Text size="xs" c="dimmed">
      搜索支持拼音首字母（如 zs 查张三）、身份证号开头、案号中的序号；有搜索词时最新登记的案件在前，完整案号只列该案。
    </Text>
  </Group>
);

/** 共 N 件 when counted exactly; N 件以上 when a search matched more than were counted (the list still scrolls on through them all). */
const CaseCount = memo(function CaseCount({ total }: { total: CaseTotal | null }) {
  if (total === null)
    return (
      <Text size="sm" c="dimmed" data-testid="case-count">
        加载中…
      </Text>
    );
  const count = groupThousands(total.count);
  if (!total.atLeast)
    return (
      <Text size="sm" c="dimmed" data-testid="case-count">
        共 {count} 件
      </Text>
    );
  return (
    <Tooltip label={`符合条件的案件超过 ${count} 件，未逐一统计；列表可继续向下滚动。输入更多字词可缩小范围。`} multiline w={260}>
      <Text size="sm" c="orange.8" data-testid="case-count" data-at-least="true">
        {count} 件以上（未逐一统计）
      </Text>
    </Tooltip>
  );
});
