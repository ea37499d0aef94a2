/**
 * 新建案件（快立）: one screen for the clerk at the window — channel and project, respondents
 * with their place in the subcontracting chain, the workers roster, running totals and save.
 * Everything typed is autosaved locally and survives reloads until the case is saved or the
 * draft is cleared.
 */
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { call } from '../../api';
import { navigate } from '../../router';
import { todayInChina } from '../../../../electron/core/dates';
import { ChannelAndProjectSection } from './ChannelAndProjectSection';
import { checkIntakeForm, type FormChecks } from './intakeChecks';
import { summariseExtraClaims, type ClaimsSummary } from './extraClaims';
import { buildCaseInput, filledWorkerCount, isCollective } from './intakeModel';
import { RespondentsEditor } from './RespondentsEditor';
import { TotalsBar } from './TotalsBar';
import { useIntakeDraft } from './useIntakeDraft';
import { WorkersSection } from './WorkersSection';
import { formatAmount, summariseWorkers, type WorkerSummary } from './workerProblems';

const VALIDATE_DELAY_MS = 150;

function blockingProblems(checks: FormChecks, summary: WorkerSummary, claims: ClaimsSummary): string[] {
  const out = [...checks.missing];
  if (summary.filled === 0) out.push('请至少录入一名申请人');
  out.push(...checks.errors);
  if (summary.errorCount) out.push(`申请人名单中有 ${summary.errorCount} 处错误（已标红）`);
  out.push(...claims.errors);
  return out;
}

function errorTotal(checks: FormChecks, summary: WorkerSummary, claims: ClaimsSummary): number {
  return checks.errors.length + summary.errorCount + claims.errors.length;
}

/** Moves the focus to the first field marked invalid (form fields first, then grid cells). */
function focusFirstError() {
  const target =
    document.querySelector<HTMLElement>('[data-intake-page] input[aria-invalid="true"]') ??
    document.querySelector<HTMLElement>(
      '[data-intake-page] td[data-error="true"] input, [data-intake-page] td[data-error="true"] button[data-extra-claims]',
    );
  if (target) {
    target.scrollIntoView({ block: 'center' });
    target.focus();
  }
}

export function NewCasePage() {
  const { draft, latest, actions, clear, restored, saveState } = useIntakeDraft();
  const today = useMemo(() => todayInChina(), []);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [showRestored, setShowRestored] = useState(restored);
  /** set by a save attempt or 「错误」: required fields are marked even if never visited */
  const [revealRequired, setRevealRequired] = useState(false);
  const showErrors = useCallback(() => {
    setRevealRequired(true);
    requestAnimationFrame(() => requestAnimationFrame(focusFirstError));
  }, []);

  // the grid is checked a moment after typing stops; the rest of the form is cheap to check live
  const [settledWorkers] = useDebouncedValue(draft.workers, VALIDATE_DELAY_MS);
  const summary = useMemo(() => summariseWorkers(settledWorkers, today), [settledWorkers, today]);
  const claims = useMemo(() => summariseExtraClaims(settledWorkers), [settledWorkers]);
  const { receivedOn, cause, project, respondents } = draft;
  const checks = useMemo(
    () => checkIntakeForm({ receivedOn, cause, project, respondents }, today),
    [receivedOn, cause, project, respondents, today],
  );
  const blocking = useMemo(() => blockingProblems(checks, summary, claims), [checks, summary, claims]);

  const save = useCallback(async () => {
    if (saving) return;
    const d = latest.current;
    // check what is on screen now, not the debounced state
    const now = summariseWorkers(d.workers, today);
    const nowClaims = summariseExtraClaims(d.workers);
    const problems = blockingProblems(checkIntakeForm(d, today), now, nowClaims);
    if (problems.length) {
      // the reason is already shown next to the button; mark the fields and go to the first one
      showErrors();
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const { id } = await call('cases.create', buildCaseInput(d));
      clear();
      notifications.show({
        color: 'teal',
        title: '已收案',
        message: `申请人 ${now.filled} 人，请求金额合计 ${formatAmount(now.owedFen + nowClaims.totalFen)}`,
      });
      navigate({ page: 'case', id });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setSaveError(message);
      notifications.show({ color: 'red', title: '保存失败', message, autoClose: 10000 });
    } finally {
      setSaving(false);
    }
  }, [saving, latest, today, clear, showErrors]);

  useHotkeys([['mod+S', () => void save()]], []);

  const onClear = useCallback(() => setConfirmClear(true), []);
  const onDismissError = useCallback(() => setSaveError(null), []);
  const onSave = useCallback(() => void save(), [save]);

  return (
    <Stack gap="md" data-intake-page maw={1500}>
      <Group justify="space-between">
        <Title order={2}>新建案件（快立）</Title>
        <Text size="sm" c="dimmed">
          当日收案 · <kbd>Ctrl</kbd>+<kbd>S</kbd> 保存
        </Text>
      </Group>
      {showRestored && (
        <Alert
          color="blue"
          variant="light"
          withCloseButton
          onClose={() => setShowRestored(false)}
          data-testid="draft-restored"
          title="已恢复上次未保存的草稿"
        >
          <Group justify="space-between">
            <Text size="sm">草稿自动保存在本机，保存收案后自动清除。如需重新开始，请点「清空草稿」。</Text>
            <Button size="compact-sm" variant="light" color="gray" onClick={onClear}>
              清空草稿
            </Button>
          </Group>
        </Alert>
      )}
      <ChannelAndProjectSection
        startTrack={draft.startTrack}
        complaintNumber={draft.complaintNumber}
        inspectors={draft.inspectors}
        channel={draft.channel}
        receivedOn={draft.receivedOn}
        procedure={draft.procedure}
        collective={isCollective(filledWorkerCount(draft.workers))}
        cause={draft.cause}
        project={draft.project}
        respondents={draft.respondents}
        checks={checks}
        today={today}
        revealRequired={revealRequired}
        actions={actions}
      />
      <RespondentsEditor
        respondents={draft.respondents}
        checks={checks}
        revealRequired={revealRequired}
        actions={actions}
      />
      <WorkersSection rows={draft.workers} summary={summary} today={today} actions={actions} />
      <TotalsBar
        summary={summary}
        claims={claims}
        blocking={blocking}
        errorCount={errorTotal(checks, summary, claims)}
        missingCount={checks.missing.length + (summary.filled === 0 ? 1 : 0)}
        saving={saving}
        saveError={saveError}
        saveState={saveState}
        onSave={onSave}
        onClear={onClear}
        onShowError={showErrors}
        onDismissError={onDismissError}
      />
      <Modal opened={confirmClear} onClose={() => setConfirmClear(false)} title="清空草稿？" size="sm" centered>
        <Stack gap="md">
          <Text size="sm">将清除本页已填写的全部内容（项目、被申请人和申请人名单），且无法恢复。</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmClear(false)} data-autofocus>
              取消
            </Button>
            <Button
              color="red"
              data-testid="confirm-clear-draft"
              onClick={() => {
                clear();
                setConfirmClear(false);
                setShowRestored(false);
                setSaveError(null);
                setRevealRequired(false);
              }}
            >
              清空
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
