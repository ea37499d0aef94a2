import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import type { CaseDetail, MediationView, PaymentMethod } from '../../../../electron/core/contract';
import { claimTypeLabels, claimTypes, type ClaimType } from '../../../../electron/core/domain';
import { todayInChina } from '../../../../electron/core/dates';
import { agreedProblem } from '../../../../electron/core/settlement';
import { call } from '../../api';
import { useCan } from '../../shell/session';
import { parseAgreed } from './format';
import { liveTotals } from './live';
import { MediationOutcome } from './MediationOutcome';
import { MediationRow, type RowCallbacks } from './MediationRow';
import { MediationSessions } from './MediationSessions';
import { MediationTotals } from './MediationTotals';
import { PayNowModal } from './PayNowModal';
import { SharedScreenButton, SharedScreenPanel, useSharedScreen } from './SharedScreen';
import { useMediation } from './useMediation';
import { WithdrawClaimsModal, type WithdrawTarget } from './WithdrawClaimsModal';
import { LiabilityPanel } from '../liability/LiabilityPanel';
import classes from './mediation.module.css';

type AgreedItem = { claimItemId: number; agreedFen: number | null; payBy?: string | null; method?: PaymentMethod | null };

/**
 * 快调 at the table: one row per worker, agreed amounts saved as they are typed, payments made in
 * the room, instalment plans, 工资优先, sessions and the outcome. Typed text is never dropped: a
 * value the backend refuses stays in its cell with the message.
 */
export function MediationSection({ detail, onFailed }: { detail: CaseDetail; onFailed: () => void }) {
  const caseId = detail.id;
  const { view, setView, error } = useMediation(caseId);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [payingWorker, setPayingWorker] = useState<number | null>(null);
  const [withdrawing, setWithdrawing] = useState<WithdrawTarget[] | null>(null);
  const [withdrawType, setWithdrawType] = useState<ClaimType>('compensation');
  const [wagesPayBy, setWagesPayBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<'idle' | 'pending' | 'saving' | 'saved' | 'failed'>('idle');
  const today = todayInChina();
  const screen = useSharedScreen();
  const can = useCan();

  const viewRef = useRef(view);
  viewRef.current = view;
  const draftsRef = useRef(drafts);
  draftsRef.current = drafts;
  const pending = useRef(new Map<number, AgreedItem>());

  const claimIndex = useMemo(() => {
    const map = new Map<number, { workerName: string; label: string; claimedFen: number; workerId: number }>();
    for (const r of view?.rows ?? []) for (const c of r.claims) map.set(c.claimItemId, { workerName: r.name, label: claimTypeLabels[c.type], claimedFen: c.claimedFen, workerId: r.workerId });
    return map;
  }, [view]);
  const claimIndexRef = useRef(claimIndex);
  claimIndexRef.current = claimIndex;

  const send = useCallback(
    async (items: AgreedItem[]): Promise<boolean> => {
      try {
        const next = await call('mediation.setAgreed', { caseId, items });
        setView(next);
        setErrors((prev) => {
          const copy = { ...prev };
          for (const i of items) delete copy[i.claimItemId];
          return copy;
        });
        // a draft that still shows what was saved is no longer needed
        setDrafts((prev) => {
          const copy = { ...prev };
          for (const i of items) {
            const d = copy[i.claimItemId];
            const parsed = d === undefined ? null : parseAgreed(d);
            if (parsed && parsed.ok && parsed.fen === i.agreedFen) delete copy[i.claimItemId];
          }
          return copy;
        });
        return true;
      } catch (e) {
        if (items.length === 1) {
          setErrors((prev) => ({ ...prev, [items[0].claimItemId]: (e as Error).message }));
          return false;
        }
        // find the refused items one by one, so each message lands on its own cell
        let ok = true;
        for (const item of items) ok = (await send([item])) && ok;
        return ok;
      }
    },
    [caseId, setView],
  );

  const flush = useCallback(async () => {
    if (!pending.current.size) return;
    const items = [...pending.current.values()];
    pending.current.clear();
    setSaveState('saving');
    setSaveState((await send(items)) ? 'saved' : 'failed');
  }, [send]);
  const flushSoon = useDebouncedCallback(() => void flush(), 700);
  useEffect(() => () => void flush(), [flush]);

  const callbacks = useMemo<RowCallbacks>(
    () => ({
      onAgreedChange: (claimItemId, text) => {
        setDrafts((prev) => ({ ...prev, [claimItemId]: text }));
        const parsed = parseAgreed(text);
        const info = claimIndexRef.current.get(claimItemId);
        const problem = !parsed.ok ? parsed.message : info ? agreedProblem(info.workerName, info.label, info.claimedFen, parsed.fen) : null;
        if (problem || !parsed.ok) {
          pending.current.delete(claimItemId);
          setErrors((prev) => ({ ...prev, [claimItemId]: problem ?? '' }));
          return;
        }
        setErrors((prev) => {
          if (!(claimItemId in prev)) return prev;
          const copy = { ...prev };
          delete copy[claimItemId];
          return copy;
        });
        pending.current.set(claimItemId, { ...pending.current.get(claimItemId), claimItemId, agreedFen: parsed.fen });
        setSaveState('pending');
        flushSoon();
      },
      onAgreedBlur: () => {
        flushSoon.flush();
      },
      onTerms: (workerId, terms) => {
        const row = viewRef.current?.rows.find((r) => r.workerId === workerId);
        if (!row) return;
        for (const c of row.claims) {
          if (c.withdrawal) continue;
          const queued = pending.current.get(c.claimItemId);
          const draft = draftsRef.current[c.claimItemId];
          const parsed = draft === undefined ? null : parseAgreed(draft);
          const agreedFen = queued ? queued.agreedFen : parsed && parsed.ok ? parsed.fen : c.agreedFen;
          pending.current.set(c.claimItemId, { ...queued, claimItemId: c.claimItemId, agreedFen, ...terms });
        }
        setSaveState('pending');
        flushSoon();
      },
      onToggleSelect: (workerId) =>
        setSelected((prev) => {
          const next = new Set(prev);
          if (next.has(workerId)) next.delete(workerId);
          else next.add(workerId);
          return next;
        }),
      onToggleInstalments: (workerId) =>
        setExpanded((prev) => {
          const next = new Set(prev);
          if (next.has(workerId)) next.delete(workerId);
          else next.add(workerId);
          return next;
        }),
      onPayNow: (workerId) => {
        // a payment needs the saved agreement: save what is being typed first
        flushSoon.cancel();
        void flush().then(() => setPayingWorker(workerId));
      },
      onInstalmentsSaved: (next) => setView(next),
      onWithdraw: (claimItemId) => {
        const info = claimIndexRef.current.get(claimItemId);
        const type = viewRef.current?.rows.flatMap((r) => r.claims).find((c) => c.claimItemId === claimItemId)?.type;
        if (info && type) setWithdrawing([{ claimItemId, workerName: info.workerName, type, claimedFen: info.claimedFen }]);
      },
      onUndoWithdraw: (claimItemId) => {
        setActionError(null);
        call('mediation.undoWithdrawal', { caseId, claimItemIds: [claimItemId] })
          .then(setView)
          .catch((e: Error) => setActionError(e.message));
      },
    }),
    [caseId, flush, flushSoon, setView],
  );

  if (error && !view) return <Alert color="red">{error}</Alert>;
  if (!view) return <Loader />;

  const totals = liveTotals(view, drafts);
  const allSelected = selected.size > 0 && selected.size === view.rows.length;
  const wagesFirst = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await flush();
      const ids = selected.size ? [...selected] : null;
      setView(await call('mediation.settleWagesFirst', { caseId, workerIds: ids, payBy: wagesPayBy || null }));
      setSelected(new Set());
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const paying = payingWorker === null ? null : view.rows.find((r) => r.workerId === payingWorker) ?? null;
  // 撤回所选: the chosen kind of claim of the selected workers (all when none is selected), still open
  const withdrawable = (selected.size ? view.rows.filter((r) => selected.has(r.workerId)) : view.rows).flatMap((r) =>
    r.claims.filter((c) => c.type === withdrawType && !c.withdrawal && c.agreedFen === null).map((c) => ({ claimItemId: c.claimItemId, workerName: r.name, type: c.type, claimedFen: c.claimedFen })),
  );
  const withdrawnCount = view.rows.reduce((n, r) => n + r.claims.filter((c) => c.withdrawal).length, 0);
  const errorCount = Object.values(errors).filter(Boolean).length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <Title order={3}>快调 · 调解方案</Title>
        <Group gap="xs">
          <Text size="xs" c={saveState === 'failed' || errorCount ? 'red' : 'dimmed'} data-testid="mediation-save-state">
            {errorCount ? `${errorCount}处金额未保存，请按提示修改` : saveState === 'saving' || saveState === 'pending' ? '正在保存…' : saveState === 'saved' ? '已自动保存' : '调解金额输入后自动保存'}
          </Text>
          {can('presentation.show') && <SharedScreenButton open={screen.open} onToggle={screen.toggle} />}
        </Group>
      </Group>
      <SharedScreenPanel open={screen.open} caseId={caseId} />
      <MediationTotals totals={totals} workers={view.rows.length} />
      {can('mediation.settleWagesFirst') && <Group gap="sm" align="flex-end">
        <Checkbox
          label={`全选（${view.rows.length}人）`}
          checked={allSelected}
          indeterminate={selected.size > 0 && !allSelected}
          onChange={() => setSelected(allSelected ? new Set() : new Set(view.rows.map((r) => r.workerId)))}
          data-testid="select-all-workers"
        />
        <TextInput size="xs" type="date" label="工资优先履行期限" value={wagesPayBy} onChange={(e) => setWagesPayBy(e.currentTarget.value)} />
        <Button color="teal" size="xs" onClick={() => void wagesFirst()} loading={busy} data-testid="wages-first">
          工资优先{selected.size ? `（已选 ${selected.size} 人）` : `（全部 ${view.rows.length} 人）`}
        </Button>
        <Text size="xs" c="dimmed">
          按请求金额确定拖欠工资项目，其他请求留待开庭。
        </Text>
      </Group>}
      {can('mediation.withdrawClaims') && detail.status !== 'closed' && (
        <Group gap="sm" align="flex-end" data-testid="withdraw-bar">
          <NativeSelect
            size="xs"
            label="撤回请求"
            value={withdrawType}
            data={claimTypes.map((t) => ({ value: t, label: claimTypeLabels[t] }))}
            onChange={(e) => setWithdrawType(e.currentTarget.value as ClaimType)}
            data-testid="withdraw-type"
          />
          <Button size="xs" color="orange" variant="light" disabled={!withdrawable.length} onClick={() => setWithdrawing(withdrawable)} data-testid="withdraw-selected">
            撤回{selected.size ? `所选 ${selected.size} 人` : '全部申请人'}的「{claimTypeLabels[withdrawType]}」（{withdrawable.length}项）
          </Button>
          <Text size="xs" c="dimmed">
            {withdrawnCount ? `已撤回${withdrawnCount}项请求。` : ''}每项请求也可在表中单独撤回；已确定调解金额的请求须先清空金额。
          </Text>
        </Group>
      )}
      {actionError && <Alert color="red" data-testid="mediation-action-error">{actionError}</Alert>}
      <div className={classes.table} data-testid="mediation-table" role="table">
        <div className={classes.head} role="row">
          <span />
          <span>序号</span>
          <span>申请人</span>
          <span>
            请求项目 · 请求金额 · <b>调解金额（元）</b>
          </span>
          <span>履行期限</span>
          <span>支付方式</span>
          <span style={{ textAlign: 'right' }}>已付</span>
          <span style={{ textAlign: 'right' }}>未付余额</span>
          <span>操作</span>
        </div>
        {view.rows.map((row, i) => {
          const rowDrafts: Record<number, string> = {};
          const rowErrors: Record<number, string> = {};
          for (const c of row.claims) {
            if (drafts[c.claimItemId] !== undefined) rowDrafts[c.claimItemId] = drafts[c.claimItemId];
            if (errors[c.claimItemId] !== undefined) rowErrors[c.claimItemId] = errors[c.claimItemId];
          }
          return (
            <MediationRow
              key={row.workerId}
              caseId={caseId}
              index={i}
              row={row}
              memoKey={JSON.stringify([row, rowDrafts, rowErrors])}
              drafts={rowDrafts}
              errors={rowErrors}
              selected={selected.has(row.workerId)}
              expanded={expanded.has(row.workerId)}
              today={today}
              locked={detail.status === 'closed'}
              callbacks={callbacks}
            />
          );
        })}
        {view.rows.length === 0 && (
          <Text p="md" c="dimmed">
            本案尚无申请人
          </Text>
        )}
      </div>
      <LiabilityPanel
        view={view.liability}
        workerNames={new Map(view.rows.map((r) => [r.workerId, r.name]))}
        itemWorker={new Map(view.rows.flatMap((r) => r.claims.map((c) => [c.claimItemId, r.workerId] as const)))}
        disabled={view.effective}
        onSet={async (claimItemIds, assignment) => {
          await flush();
          setView(await call('mediation.setLiability', { caseId, claimItemIds, assignment }));
        }}
      />
      {!view.allAgreed && view.rows.some((r) => r.claims.some((c) => c.agreedFen !== null)) && (
        <Alert color="blue" data-testid="mediation-partial-note">
          尚有请求未达成调解：只能制作部分调解书（其他请求继续审理），调解书（全部）须每名申请人的每项请求均确定调解金额或已撤回。
        </Alert>
      )}
      <MediationOutcome view={view} onSaved={setView} onFailed={onFailed} />
      <MediationSessions
        caseId={caseId}
        sessions={view.sessions}
        representatives={detail.workers.filter((w) => w.isRepresentative).map((w) => w.name)}
        respondents={detail.respondents.map((r) => ({ id: r.id, name: r.name, kind: r.kind }))}
        closed={detail.status === 'closed'}
        onSaved={setView}
      />
      {withdrawing && (
        <WithdrawClaimsModal
          caseId={caseId}
          items={withdrawing}
          collective={detail.isCollective}
          representatives={detail.workers.filter((w) => w.isRepresentative).map((w) => w.name)}
          onClose={() => setWithdrawing(null)}
          onSaved={(next) => {
            setView(next);
            setSelected(new Set());
          }}
        />
      )}
      {paying && <PayNowModal caseId={caseId} row={paying} onClose={() => setPayingWorker(null)} onSaved={setView} />}
    </Stack>
  );
}
