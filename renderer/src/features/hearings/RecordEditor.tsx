import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { Alert, Badge, Button, Grid, Group, Kbd, Paper, ScrollArea, Stack, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import type { HearingRecordStep } from '../../../../electron/core/contract';
import { recordSteps, SPEAKER_LABELS } from '../../../../electron/core/hearing/recordSteps';
import { call } from '../../api';
import { clockTime } from '../mediation/format';
import { forgetLocal, keepLocally, readLocal } from './recordGuard';
import { onBeforeLock } from '../../shell/beforeLock';

const AUTOSAVE_MS = 3000;
/** Alt+1 … Alt+5 insert a new line with the speaker's label. */
const speakerKeys: { code: string; label: keyof typeof SPEAKER_LABELS }[] = [
  { code: 'Digit1', label: '审' },
  { code: 'Digit2', label: '申' },
  { code: 'Digit3', label: '被' },
  { code: 'Digit4', label: '代' },
  { code: 'Digit5', label: '书' },
];

type Saved = Record<string, { content: string; updatedAt: string | null }>;
type Offer = { step: string; content: string; at: string };

/** Text with `insert` put at the caret as a line of its own; returns the new text and caret. */
function insertLine(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const before = text.slice(0, start);
  const after = text.slice(end);
  const lead = before === '' || before.endsWith('\n') ? '' : '\n';
  const next = `${before}${lead}${insert}`;
  return { text: next + after, caret: next.length };
}

/**
 * 庭审笔录: the steps of the hearing order on the left, the text of the current step on the right.
 * Saves every 3 seconds while typing, at once on changing step, on blur and when the page goes
 * away; also keeps every keystroke locally (crash guard).
 */
export function RecordEditor({ hearingId, record, disabled, flushRef }: { hearingId: number; record: HearingRecordStep[]; disabled?: boolean; flushRef?: MutableRefObject<(() => Promise<void>) | null> }) {
  const [step, setStep] = useState<string>(recordSteps[0].key);
  const [contents, setContents] = useState<Record<string, string>>(() => Object.fromEntries(record.map((r) => [r.step, r.content])));
  const [saved, setSaved] = useState<Saved>(() => Object.fromEntries(record.map((r) => [r.step, { content: r.content, updatedAt: r.updatedAt }])));
  const [savedAt, setSavedAt] = useState<string | null>(() => record.reduce<string | null>((best, r) => (r.updatedAt && (!best || r.updatedAt > best) ? r.updatedAt : best), null));
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [offers, setOffers] = useState<Offer[]>(() =>
    record
      .map((r) => ({ r, local: readLocal(hearingId, r.step) }))
      .filter(({ r, local }) => local && local.content !== r.content && (!r.updatedAt || local.at > r.updatedAt))
      .map(({ r, local }) => ({ step: r.step, content: local!.content, at: local!.at })),
  );
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const contentsRef = useRef(contents);
  contentsRef.current = contents;
  const savedRef = useRef(saved);
  savedRef.current = saved;
  const inFlight = useRef<Promise<void> | null>(null);

  /** Saves every step whose text differs from the saved one, one after the other. */
  const saveDirty = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current.then(() => saveDirty());
    const dirty = Object.keys(contentsRef.current).filter((s) => contentsRef.current[s] !== (savedRef.current[s]?.content ?? ''));
    if (!dirty.length) return Promise.resolve();
    setSaving(true);
    const run = (async () => {
      for (const s of dirty) {
        const content = contentsRef.current[s];
        try {
          const { updatedAt } = await call('hearings.saveRecordStep', { hearingId, step: s, content });
          savedRef.current = { ...savedRef.current, [s]: { content, updatedAt } };
          setSaved(savedRef.current);
          setSavedAt(updatedAt);
          setSaveError(null);
          if (contentsRef.current[s] === content) forgetLocal(hearingId, s);
        } catch (e) {
          setSaveError((e as Error).message);
          break;
        }
      }
    })().finally(() => {
      inFlight.current = null;
      setSaving(false);
    });
    inFlight.current = run;
    return run;
  }, [hearingId]);

  useEffect(() => {
    if (flushRef) flushRef.current = saveDirty;
  }, [flushRef, saveDirty]);
  // the idle lock waits for this save before the session stops serving calls
  useEffect(() => onBeforeLock(saveDirty), [saveDirty]);

  // every 3 seconds while there is unsaved text
  useEffect(() => {
    const timer = setInterval(() => void saveDirty(), AUTOSAVE_MS);
    return () => clearInterval(timer);
  }, [saveDirty]);

  // leaving the page (closing the window, reloading, navigating away)
  useEffect(() => {
    const onLeave = () => void saveDirty();
    const onHidden = () => document.visibilityState === 'hidden' && void saveDirty();
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pagehide', onLeave);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pagehide', onLeave);
      document.removeEventListener('visibilitychange', onHidden);
      void saveDirty();
    };
  }, [saveDirty]);

  // the backend wrote into the record (attendance, 质证): take it where nothing is being typed
  useEffect(() => {
    const nextContents = { ...contentsRef.current };
    const nextSaved = { ...savedRef.current };
    let changed = false;
    for (const r of record) {
      const known = savedRef.current[r.step];
      if (known && known.content === r.content) continue;
      const dirty = (contentsRef.current[r.step] ?? '') !== (known?.content ?? '');
      if (!dirty) nextContents[r.step] = r.content;
      nextSaved[r.step] = { content: dirty ? (known?.content ?? '') : r.content, updatedAt: r.updatedAt };
      changed = true;
    }
    if (changed) {
      setContents(nextContents);
      setSaved(nextSaved);
    }
  }, [record]);

  useLayoutEffect(() => {
    if (pendingCaret.current !== null && textarea.current) {
      textarea.current.focus();
      textarea.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  });

  const change = (text: string) => {
    setContents((c) => ({ ...c, [step]: text }));
    keepLocally(hearingId, step, text);
  };
  const insert = (line: string) => {
    const el = textarea.current;
    const text = contents[step] ?? '';
    const start = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    const next = insertLine(text, start, end, line);
    pendingCaret.current = next.caret;
    change(next.text);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!e.altKey) return;
    const speaker = speakerKeys.find((k) => k.code === e.code);
    if (!speaker) return;
    e.preventDefault();
    insert(`${speaker.label}：`);
  };
  const goTo = (key: string) => {
    if (key === step) return;
    void saveDirty();
    setStep(key);
  };

  const current = recordSteps.find((s) => s.key === step) ?? recordSteps[0];
  const dirtySteps = new Set(Object.keys(contents).filter((s) => contents[s] !== (saved[s]?.content ?? '')));

  return (
    <Paper withBorder p="md" data-testid="record">
      <Group justify="space-between" mb="xs">
        <Title order={4}>庭审笔录</Title>
        <Group gap="xs">
          {saveError && (
            <Badge color="red" variant="light" data-testid="record-save-error" title={saveError}>
              未能保存：{saveError}（已在本机暂存，恢复后自动重试）
            </Badge>
          )}
          {!saveError && dirtySteps.size > 0 && (
            <Badge color="gray" variant="light" data-testid="record-dirty">
              {saving ? '正在保存…' : '有未保存的输入，3秒内自动保存'}
            </Badge>
          )}
          <Text size="sm" c={savedAt ? 'green.8' : 'dimmed'} fw={600} data-testid="record-saved-at">
            {savedAt ? `已保存 ${clockTime(savedAt)}` : '尚未保存'}
          </Text>
        </Group>
      </Group>
      {offers.length > 0 && (
        <Alert color="yellow" mb="sm" title="发现本机暂存的未保存内容" data-testid="record-restore">
          <Stack gap={4}>
            {offers.map((o) => (
              <Group key={o.step} justify="space-between">
                <Text size="sm">
                  「{recordSteps.find((s) => s.key === o.step)?.title ?? o.step}」本机暂存于 {clockTime(o.at)}，比已保存的版本新（{o.content.length}字）
                </Text>
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    onClick={() => {
                      setContents((c) => ({ ...c, [o.step]: o.content }));
                      setStep(o.step);
                      setOffers(offers.filter((x) => x !== o));
                    }}
                    data-testid={`record-restore-${o.step}`}
                  >
                    恢复
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => {
                      forgetLocal(hearingId, o.step);
                      setOffers(offers.filter((x) => x !== o));
                    }}
                  >
                    放弃
                  </Button>
                </Group>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={3}>
          <Stack gap={2} role="tablist" aria-label="庭审步骤">
            {recordSteps.map((s, i) => {
              const active = s.key === step;
              const hasText = (contents[s.key] ?? '').trim() !== '';
              return (
                <UnstyledButton
                  key={s.key}
                  role="tab"
                  aria-selected={active}
                  onClick={() => goTo(s.key)}
                  data-testid={`record-step-${s.key}`}
                  px="sm"
                  py={6}
                  style={{
                    borderRadius: 6,
                    background: active ? 'var(--mantine-color-red-7)' : undefined,
                    color: active ? 'white' : undefined,
                    borderLeft: `3px solid ${hasText ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-gray-3)'}`,
                  }}
                >
                  <Text size="sm" fw={active ? 700 : 400}>
                    {i + 1}. {s.title}
                    {dirtySteps.has(s.key) ? ' •' : ''}
                  </Text>
                </UnstyledButton>
              );
            })}
          </Stack>
        </Grid.Col>
        <Grid.Col span={9}>
          <Stack gap="xs">
            <Group gap="xs">
              {speakerKeys.map((k, i) => (
                <Button key={k.code} size="compact-sm" variant="light" onClick={() => insert(`${k.label}：`)} disabled={disabled} data-testid={`speaker-${k.label}`} title={SPEAKER_LABELS[k.label]}>
                  {k.label}：<Kbd size="xs" ml={4}>Alt+{i + 1}</Kbd>
                </Button>
              ))}
              <Text size="xs" c="dimmed">
                审＝仲裁员 申＝申请人 被＝被申请人 代＝代理人/代表人 书＝书记员
              </Text>
            </Group>
            <Textarea
              ref={textarea}
              value={contents[step] ?? ''}
              onChange={(e) => change(e.currentTarget.value)}
              onKeyDown={onKeyDown}
              onBlur={() => void saveDirty()}
              disabled={disabled}
              rows={18}
              aria-label={`庭审笔录：${current.title}`}
              data-testid="record-editor"
              styles={{ input: { fontSize: 15, lineHeight: 1.7 } }}
            />
            <div>
              <Text size="xs" c="dimmed" mb={4}>
                常用语（点击插入，＿＿＿处请补全）
              </Text>
              <ScrollArea.Autosize mah={180}>
                <Stack gap={4}>
                  {current.phrases.map((p) => (
                    <UnstyledButton key={p} onClick={() => insert(p)} disabled={disabled} data-testid="record-phrase" px="xs" py={3} style={{ borderRadius: 4, background: 'var(--mantine-color-gray-0)', border: '1px solid var(--mantine-color-gray-2)' }}>
                      <Text size="sm">{p}</Text>
                    </UnstyledButton>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
