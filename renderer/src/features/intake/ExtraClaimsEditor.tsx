/**
 * The editor of one worker's claim items beyond unpaid wages (加班费、经济补偿、赔偿金、其他),
 * opened from the grid's 「其他请求」 cell (or Alt+Enter in the row). Edits go straight into the
 * draft (so they are autosaved); items left blank are dropped when the editor closes.
 * Keyboard: Tab between fields, Ctrl+Enter adds an item, Enter in an amount or note closes.
 *
 * Also: the bulk modal that adds the same claim to every filled row (collective cases).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ActionIcon, Button, Group, Kbd, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { claimTypeLabels } from '../../../../electron/core/domain';
import { emptyExtraClaim, extraClaimTypes, isBlankExtraClaim, type ExtraClaimDraft, type ExtraClaimType, type WorkerRow } from './intakeModel';
import { checkExtraClaim, hasIssues, NOTE_MAX } from './extraClaims';
import { formatAmount } from './workerProblems';

const typeOptions = extraClaimTypes.map((t) => ({ value: t, label: claimTypeLabels[t] }));

/** The next type worth proposing: the first one this worker has not claimed yet. */
export function nextClaimType(list: ExtraClaimDraft[]): ExtraClaimType {
  return extraClaimTypes.find((t) => t !== 'other' && !list.some((c) => c.type === t)) ?? 'other';
}

type EditorProps = {
  /** the row being edited; null when closed */
  row: WorkerRow | null;
  index: number;
  onChange: (key: string, claims: ExtraClaimDraft[]) => void;
  onClose: () => void;
};

export function ExtraClaimsEditor({ row, index, onChange, onClose }: EditorProps) {
  const typeRefs = useRef(new Map<string, HTMLInputElement>());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const list = row?.extraClaims ?? [];

  useEffect(() => {
    if (!focusKey) return;
    const el = typeRefs.current.get(focusKey);
    if (el) {
      el.focus();
      setFocusKey(null);
    }
  }, [focusKey, list]);

  if (!row) return null;

  const update = (key: string, p: Partial<ExtraClaimDraft>) =>
    onChange(
      row.key,
      list.map((c) => (c.key === key ? { ...c, ...p } : c)),
    );
  const add = () => {
    const item = emptyExtraClaim(nextClaimType(list));
    onChange(row.key, [...list, item]);
    setFocusKey(item.key);
  };
  const remove = (key: string) => onChange(row.key, list.filter((c) => c.key !== key));
  const finish = () => {
    const kept = list.filter((c) => !isBlankExtraClaim(c));
    if (kept.length !== list.length) onChange(row.key, kept);
    onClose();
  };

  const checks = list.map((c) => (isBlankExtraClaim(c) ? null : checkExtraClaim(c)));
  const totalFen = checks.reduce((s, r) => s + (r?.fen ?? 0), 0);
  const errorCount = checks.filter((r) => r && hasIssues(r.issues)).length;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      add();
    } else if (!e.shiftKey && !e.altKey && e.target instanceof HTMLElement && e.target.dataset.claimField) {
      e.preventDefault();
      finish();
    }
  };

  const name = row.name.trim() || '（未填姓名）';
  return (
    <Modal
      opened
      onClose={finish}
      size={720}
      title={
        <Text fw={600}>
          第{index + 1}行 {name} · 其他仲裁请求
        </Text>
      }
      data-testid="extra-claims-editor"
    >
      <Stack gap="sm" onKeyDown={onKeyDown}>
        <Text size="xs" c="dimmed">
          拖欠工资请填在名单的「欠发」列。金额单位：元，可写 1200、1,200.50 或 1.2万。
        </Text>
        {list.length === 0 ? (
          <Text size="sm" c="dimmed" py="xs">
            尚无其他请求。点「添加一项」或按 <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd>。
          </Text>
        ) : (
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap" c="dimmed" fz="xs" fw={600}>
              <Text inherit w={24} ta="right">
                #
              </Text>
              <Text inherit w={130}>
                请求类型
              </Text>
              <Text inherit w={160}>
                金额（元）
              </Text>
              <Text inherit style={{ flex: 1 }}>
                说明
              </Text>
            </Group>
            {list.map((c, k) => {
              const issues = checks[k]?.issues ?? {};
              return (
                <Group key={c.key} gap="xs" wrap="nowrap" align="flex-start" data-testid={`extra-claim-${k}`}>
                  <Text size="sm" c="dimmed" w={24} ta="right" pt={6}>
                    {k + 1}
                  </Text>
                  <Select
                    w={130}
                    size="sm"
                    data={typeOptions}
                    value={c.type}
                    allowDeselect={false}
                    onChange={(v) => v && update(c.key, { type: v as ExtraClaimType })}
                    aria-label={`第${k + 1}项 请求类型`}
                    data-testid={`extra-claim-type-${k}`}
                    data-autofocus={k === 0 ? true : undefined}
                    ref={(el) => {
                      if (el) typeRefs.current.set(c.key, el);
                      else typeRefs.current.delete(c.key);
                    }}
                    comboboxProps={{ withinPortal: true }}
                  />
                  <TextInput
                    w={160}
                    size="sm"
                    value={c.amount}
                    onChange={(e) => update(c.key, { amount: e.currentTarget.value })}
                    placeholder="如 1200"
                    inputMode="decimal"
                    autoComplete="off"
                    aria-label={`第${k + 1}项 金额（元）`}
                    error={issues.amount}
                    data-testid={`extra-claim-amount-${k}`}
                    data-claim-field="amount"
                    styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    size="sm"
                    value={c.note}
                    onChange={(e) => update(c.key, { note: e.currentTarget.value })}
                    placeholder={c.type === 'other' ? '请注明请求内容（必填）' : '可不填'}
                    maxLength={NOTE_MAX + 20}
                    autoComplete="off"
                    aria-label={`第${k + 1}项 说明`}
                    error={issues.note}
                    data-testid={`extra-claim-note-${k}`}
                    data-claim-field="note"
                  />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mt={4}
                    onClick={() => remove(c.key)}
                    aria-label={`删除第${k + 1}项`}
                    title="删除此项"
                    data-testid={`extra-claim-remove-${k}`}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              );
            })}
          </Stack>
        )}
        <Group justify="space-between" mt="xs">
          <Button variant="light" size="compact-sm" onClick={add} data-testid="extra-claim-add" title="添加一项（Ctrl+Enter）">
            + 添加一项
          </Button>
          <Group gap="md">
            <Text size="sm" c={errorCount ? 'red.7' : undefined} data-testid="extra-claims-total">
              其他请求合计 <span className="num">{formatAmount(totalFen)}</span>
              {errorCount ? `（${errorCount} 项有误，未计入）` : ''}
            </Text>
            <Button onClick={finish} data-testid="extra-claim-done" title="完成（Enter / Esc）">
              完成
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

type BulkProps = {
  opened: boolean;
  /** filled rows that will get the claim */
  workerCount: number;
  onApply: (claim: { type: ExtraClaimType; amount: string; note: string }) => void;
  onClose: () => void;
};

/** 为所有申请人添加同一请求: one type and amount, added to every filled row. */
export function BulkClaimModal({ opened, workerCount, onApply, onClose }: BulkProps) {
  const [claim, setClaim] = useState<{ type: ExtraClaimType; amount: string; note: string }>({
    type: 'compensation',
    amount: '',
    note: '',
  });
  const [tried, setTried] = useState(false);
  const { fen, issues } = checkExtraClaim({ key: 'bulk', ...claim });
  const showAmountError = tried || claim.amount.trim() !== '';
  const apply = () => {
    setTried(true);
    if (hasIssues(issues) || workerCount === 0) return;
    onApply(claim);
    setClaim((c) => ({ ...c, amount: '', note: '' }));
    setTried(false);
  };
  return (
    <Modal opened={opened} onClose={onClose} title="为所有申请人添加同一请求" size="md" data-testid="bulk-claim-modal">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            将为名单中已填写的 {workerCount} 名申请人各添加一项相同的请求（如经济补偿），之后仍可逐人修改。
          </Text>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Select
              label="请求类型"
              w={140}
              data={typeOptions}
              value={claim.type}
              allowDeselect={false}
              onChange={(v) => v && setClaim((c) => ({ ...c, type: v as ExtraClaimType }))}
              data-testid="bulk-claim-type"
            />
            <TextInput
              label="每人金额（元）"
              w={180}
              value={claim.amount}
              onChange={(e) => {
                const value = e.currentTarget.value; // read now: currentTarget is gone when the updater runs
                setClaim((c) => ({ ...c, amount: value }));
              }}
              error={showAmountError ? issues.amount : undefined}
              inputMode="decimal"
              autoComplete="off"
              data-autofocus
              data-testid="bulk-claim-amount"
              styles={{ input: { textAlign: 'right' } }}
            />
          </Group>
          <TextInput
            label="说明"
            placeholder={claim.type === 'other' ? '请注明请求内容（必填）' : '可不填'}
            value={claim.note}
            onChange={(e) => {
                const value = e.currentTarget.value; // read now: currentTarget is gone when the updater runs
                setClaim((c) => ({ ...c, note: value }));
              }}
            error={tried || claim.amount.trim() !== '' ? issues.note : undefined}
            autoComplete="off"
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {fen !== null && workerCount > 0 && Number.isSafeInteger(fen * workerCount)
                ? `合计增加 ${formatAmount(fen * workerCount)}`
                : ''}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onClose}>
                取消
              </Button>
              <Button type="submit" disabled={workerCount === 0} data-testid="bulk-claim-apply">
                添加到 {workerCount} 名申请人
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
