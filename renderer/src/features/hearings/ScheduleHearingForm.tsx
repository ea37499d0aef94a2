import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { CaseDetail, HearingConflict, HearingView, HearingWarning } from '../../../../electron/core/contract';
import { addDays, todayInChina } from '../../../../electron/core/dates';
import type { Procedure } from '../../../../electron/core/domain';
import { call } from '../../api';
import { useSubmit } from '../../ui/useSubmit';
import { endOf, minutesOf } from './time';
import { useStaff } from './useStaff';
import { nextWorkdays } from '../calendar/workdays';

const durations = [30, 60, 90, 120, 150, 180, 240].map((m) => ({ value: String(m), label: m < 60 ? `${m}分钟` : `${m / 60}小时` }));

/** 安排开庭: the form on the case page, with the conflict and notice-period checks shown live. */
export function ScheduleHearingForm({ detail, onScheduled }: { detail: CaseDetail; onScheduled: (h: HearingView) => void }) {
  const { staff, rooms, loaded } = useStaff();
  const arbitrators = useMemo(() => staff.filter((s) => s.roles.includes('arbitrator') && s.active).map((s) => ({ value: String(s.id), label: s.name })), [staff]);
  const clerks = useMemo(() => staff.filter((s) => s.roles.includes('clerk') && s.active).map((s) => ({ value: String(s.id), label: s.name })), [staff]);
  const roomOptions = useMemo(() => rooms.filter((r) => r.active).map((r) => ({ value: String(r.id), label: r.location ? `${r.name}（${r.location}）` : r.name })), [rooms]);

  const [date, setDate] = useState(() => addDays(todayInChina(), 7));
  const dateTouchedRef = useRef(false);
  const setDateTouched = (v: boolean) => {
    dateTouchedRef.current = v;
  };
  // the proposed date a week ahead, moved off a weekend or holiday
  useEffect(() => {
    let live = true;
    nextWorkdays([addDays(todayInChina(), 7)])
      .then(([d]) => live && d && setDate((current) => (dateTouchedRef.current ? current : d.workday)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []); // once, when the form opens
  const [time, setTime] = useState('09:00');
  const [duration, setDuration] = useState('60');
  const [roomId, setRoomId] = useState<string | null>(null);
  // the composed tribunal holds the hearing (Law Art 31); a collective case is never heard by one arbitrator
  const tribunal = detail.tribunal;
  const [procedure, setProcedure] = useState<Procedure>(tribunal?.procedure ?? (detail.isCollective ? 'ordinary' : detail.procedure));
  const [presidingId, setPresidingId] = useState<string | null>(tribunal ? String(tribunal.presidingId) : null);
  const [wing1, setWing1] = useState<string | null>(tribunal?.wingIds[0] ? String(tribunal.wingIds[0]) : null);
  const [wing2, setWing2] = useState<string | null>(tribunal?.wingIds[1] ? String(tribunal.wingIds[1]) : null);
  const [clerkId, setClerkId] = useState<string | null>(tribunal?.clerkId ? String(tribunal.clerkId) : null);
  const lockedTribunal = !!tribunal;
  const [noticeServedOn, setNoticeServedOn] = useState('');
  const [waived, setWaived] = useState(false);
  const [waiverNote, setWaiverNote] = useState('');
  const [check, setCheck] = useState<{ conflicts: HearingConflict[]; warnings: HearingWarning[] } | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const { error, busy, submit } = useSubmit(async () => {
    if (!checkInput) return;
    const h = await call('hearings.schedule', {
      ...checkInput,
      procedure,
      noticeWaiverNote: waived ? waiverNote.trim() : null,
    });
    onScheduled(h);
    setCheck(null);
  });

  const ordinary = procedure === 'ordinary';
  const wingIds = ordinary ? [wing1, wing2].filter((w): w is string => !!w).map(Number) : [];
  const startsAt = date && /^\d{2}:\d{2}$/.test(time) ? `${date}T${time}` : null;
  const endsAt = startsAt ? endOf(date, minutesOf(startsAt), Number(duration)) : null;
  const missing = [
    !startsAt && '开庭时间',
    !roomId && '庭室',
    !presidingId && (ordinary ? '首席仲裁员' : '仲裁员'),
    ordinary && wingIds.length < 2 && '两名仲裁员（普通程序三人组庭）',
    !clerkId && '书记员',
    waived && !waiverNote.trim() && '当事人同意豁免通知期的记录',
  ].filter(Boolean) as string[];
  const sameMembers = new Set([presidingId, ...wingIds.map(String)].filter(Boolean)).size !== [presidingId, ...wingIds].filter(Boolean).length;

  const checkInput = useMemo(
    () =>
      startsAt && endsAt && roomId && presidingId && clerkId
        ? {
            caseId: detail.id,
            startsAt,
            endsAt,
            roomId: Number(roomId),
            presidingId: Number(presidingId),
            wingIds,
            clerkId: Number(clerkId),
            noticeServedOn: noticeServedOn || null,
            noticeWaived: waived,
          }
        : null,
    // wingIds is derived from wing1/wing2/ordinary
    [detail.id, startsAt, endsAt, roomId, presidingId, clerkId, noticeServedOn, waived, ordinary, wing1, wing2],
  );

  useEffect(() => {
    if (!checkInput) {
      setCheck(null);
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      call('hearings.check', checkInput)
        .then((r) => {
          if (stale) return;
          setCheck(r);
          setCheckError(null);
        })
        .catch((e: Error) => !stale && setCheckError(e.message));
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [checkInput]);

  const conflicts = check?.conflicts ?? [];
  const warnings = check?.warnings ?? [];
  const canSave = !!checkInput && missing.length === 0 && !sameMembers && conflicts.length === 0 && !!check && !busy;

  return (
    <Paper withBorder p="md" data-testid="schedule-hearing-form">
      <Title order={4} mb="xs">
        安排开庭
      </Title>
      {loaded && (!rooms.length || !arbitrators.length || !clerks.length) && (
        <Alert color="yellow" mb="sm">
          请先在「设置」中添加庭室、仲裁员和书记员。
        </Alert>
      )}
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, md: 4 }}>
          <TextInput
            label="开庭日期"
            type="date"
            value={date}
            onChange={(e) => {
              setDateTouched(true);
              setDate(e.currentTarget.value);
            }}
            data-testid="hearing-date"
          />
          <TextInput label="开始时间" type="time" step={1800} value={time} onChange={(e) => setTime(e.currentTarget.value)} data-testid="hearing-time" />
          <Select label="时长" data={durations} value={duration} onChange={(v) => v && setDuration(v)} allowDeselect={false} data-testid="hearing-duration" />
          <Select label="庭室" data={roomOptions} value={roomId} onChange={setRoomId} placeholder="选择庭室" data-testid="hearing-room" />
        </SimpleGrid>
        <Group align="flex-end" gap="md">
          <div>
            <Text size="sm" fw={500} mb={4}>
              程序
            </Text>
            <SegmentedControl
              disabled={lockedTribunal || detail.isCollective}
              value={procedure}
              onChange={(v) => {
                setProcedure(v as Procedure);
                if (v === 'ordinary') setWaived(false);
              }}
              data={[
                { value: 'simplified', label: '简易处理（独任）' },
                { value: 'ordinary', label: '普通程序（三人）' },
              ]}
              data-testid="hearing-procedure"
            />
          </div>
          <Select label={ordinary ? '首席仲裁员' : '仲裁员'} data={arbitrators} value={presidingId} onChange={setPresidingId} placeholder="选择" disabled={lockedTribunal} data-testid="hearing-presiding" />
          {ordinary && <Select label="仲裁员" data={arbitrators.filter((a) => a.value !== presidingId && a.value !== wing2)} value={wing1} onChange={setWing1} placeholder="选择" disabled={lockedTribunal} data-testid="hearing-wing-1" />}
          {ordinary && <Select label="仲裁员" data={arbitrators.filter((a) => a.value !== presidingId && a.value !== wing1)} value={wing2} onChange={setWing2} placeholder="选择" disabled={lockedTribunal} data-testid="hearing-wing-2" />}
          <Select label="书记员" data={clerks} value={clerkId} onChange={setClerkId} placeholder="选择" data-testid="hearing-clerk" />
        </Group>
        {(lockedTribunal || detail.isCollective) && (
          <Text size="xs" c="dimmed" data-testid="hearing-tribunal-note">
            {lockedTribunal
              ? '仲裁员按已组成的仲裁庭填入；如需更换，请先在上方重新组庭并书面通知当事人。'
              : '集体争议须由三名仲裁员组成仲裁庭（设首席仲裁员），首次安排开庭时一并组庭。'}
          </Text>
        )}
        <Group align="flex-end" gap="md">
          <TextInput label="开庭通知送达日期" description="未送达可暂不填写" type="date" value={noticeServedOn} onChange={(e) => setNoticeServedOn(e.currentTarget.value)} data-testid="hearing-notice-served" />
          <Checkbox
            label="当事人同意豁免开庭通知期（仅简易处理）"
            checked={waived}
            disabled={ordinary}
            onChange={(e) => setWaived(e.currentTarget.checked)}
            mb={8}
            data-testid="hearing-waive-notice"
          />
        </Group>
        {waived && (
          <Textarea
            label="当事人同意记录"
            description="写明双方如何表示同意（如：双方当事人于调解时当面同意，并在笔录上签名）"
            value={waiverNote}
            onChange={(e) => setWaiverNote(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="hearing-waiver-note"
          />
        )}
        {conflicts.length > 0 && (
          <Alert color="red" title="时间冲突，不能保存" data-testid="hearing-conflicts">
            <List size="sm">
              {conflicts.map((c, i) => (
                <List.Item key={i}>{c.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {warnings.length > 0 && (
          <Alert color="orange" title="请注意（仍可保存）" data-testid="hearing-warnings">
            <List size="sm">
              {warnings.map((w, i) => (
                <List.Item key={i}>{w.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {checkInput && check && !conflicts.length && !warnings.length && (
          <Text size="sm" c="green.8" data-testid="hearing-check-ok">
            ✓ 庭室、仲裁员、书记员均无冲突，通知期和裁决期限无问题
          </Text>
        )}
        {checkError && <Alert color="red">{checkError}</Alert>}
        {sameMembers && <Alert color="red">同一仲裁员不能在仲裁庭中重复担任</Alert>}
        {error && (
          <Alert color="red" data-testid="schedule-error">
            {error}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {missing.length ? `尚需：${missing.join('、')}` : ''}
          </Text>
          <Button onClick={() => void submit()} disabled={!canSave} loading={busy} data-testid="schedule-hearing">
            保存开庭安排
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
