import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { Alert, Badge, Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { HearingView } from '../../../../electron/core/contract';
import { addDays, formatChineseMonthDay, formatWeekday, todayInChina } from '../../../../electron/core/dates';
import { procedureLabels } from '../../../../electron/core/domain';
import { call, onEvent } from '../../api';
import { useCan } from '../../shell/session';
import { DAY_END_MIN, DAY_START_MIN, SLOT_MIN, datePart, durationMin, endOf, hhmm, localTime, minutesOf, mondayOf, timeRange } from './time';
import { roomColor, useStaff } from './useStaff';
import classes from './calendar.module.css';

const SLOT_PX = 30;
const SLOTS = (DAY_END_MIN - DAY_START_MIN) / SLOT_MIN;

/** 赣市劳人仲案字〔2026〕第12号 → 〔2026〕第12号 (the full number is in the tooltip). */
function shortCaseNumber(caseNumber: string | null): string | null {
  if (!caseNumber) return null;
  const at = caseNumber.search(/[〔(（[]/);
  return at > 0 ? caseNumber.slice(at) : caseNumber;
}

type Placed = { hearing: HearingView; lane: number; lanes: number };

/** Side-by-side lanes for hearings that overlap on one day. */
function placeDay(hearings: HearingView[]): Placed[] {
  const sorted = [...hearings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const placed: Placed[] = [];
  let cluster: Placed[] = [];
  let clusterEnd = '';
  const close = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
  };
  for (const h of sorted) {
    if (cluster.length && h.startsAt >= clusterEnd) close();
    const used = new Set(cluster.filter((p) => p.hearing.endsAt > h.startsAt).map((p) => p.lane));
    let lane = 0;
    while (used.has(lane)) lane++;
    const p = { hearing: h, lane, lanes: 1 };
    cluster.push(p);
    placed.push(p);
    if (h.endsAt > clusterEnd) clusterEnd = h.endsAt;
  }
  close();
  return placed;
}

/** 开庭排期: the week's hearings, Mon–Sun × 08:00–20:00; drag a block to move it. */
export function HearingCalendarPage() {
  const can = useCan();
  const today = todayInChina();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const [hearings, setHearings] = useState<HearingView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [roomFilter, setRoomFilter] = useState('all');
  const [overrides, setOverrides] = useState<Record<number, { startsAt: string; endsAt: string }>>({});
  const [dropHint, setDropHint] = useState<{ date: string; startMin: number; duration: number } | null>(null);
  const drag = useRef<{ id: number; grabOffsetMin: number; duration: number } | null>(null);
  const { rooms } = useStaff();

  const reload = useCallback(() => {
    call('hearings.week', { from: monday, days: 7 })
      .then((list) => {
        setHearings(list);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [monday]);
  useEffect(reload, [reload]);
  useEffect(() => onEvent((e) => e.type === 'hearings.changed' && reload()), [reload]);

  const days = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(monday, i)), [monday]);
  const visible = useMemo(
    () =>
      (hearings ?? [])
        .map((h) => (overrides[h.id] ? { ...h, ...overrides[h.id] } : h))
        .filter((h) => roomFilter === 'all' || String(h.roomId) === roomFilter),
    [hearings, overrides, roomFilter],
  );

  const move = async (h: HearingView, date: string, startMin: number) => {
    const duration = durationMin(h.startsAt, h.endsAt);
    const startsAt = localTime(date, startMin);
    const endsAt = endOf(date, startMin, duration);
    if (startsAt === h.startsAt) return;
    setMoveError(null);
    setOverrides((o) => ({ ...o, [h.id]: { startsAt, endsAt } }));
    const snapBack = (message: string) => {
      setOverrides((o) => {
        const copy = { ...o };
        delete copy[h.id];
        return copy;
      });
      setMoveError(`${h.caseNumber ?? h.caseTitle} 不能改到 ${date} ${hhmm(startMin)}：${message}`);
    };
    try {
      const check = await call('hearings.check', {
        hearingId: h.id,
        caseId: h.caseId,
        startsAt,
        endsAt,
        roomId: h.roomId,
        presidingId: h.presidingId,
        wingIds: h.wingIds,
        clerkId: h.clerkId,
        noticeServedOn: h.noticeServedOn,
        noticeWaived: h.noticeWaived,
      });
      if (check.conflicts.length) return snapBack(check.conflicts.map((c) => c.message).join('；'));
      const moved = await call('hearings.move', { id: h.id, startsAt, endsAt });
      setHearings((list) => (list ?? []).map((x) => (x.id === moved.id ? moved : x)));
      setOverrides((o) => {
        const copy = { ...o };
        delete copy[h.id];
        return copy;
      });
      const warnings = check.warnings.length ? check.warnings : moved.warnings;
      notifications.show({
        color: warnings.length ? 'orange' : 'green',
        title: `已改到 ${date} ${hhmm(startMin)}`,
        message: warnings.length ? warnings.map((w) => w.message).join('；') : `${h.caseNumber ?? h.caseTitle}`,
        autoClose: warnings.length ? 10_000 : 3_000,
      });
    } catch (e) {
      snapBack((e as Error).message);
    }
  };

  const slotFromEvent = (e: DragEvent<HTMLDivElement>, grabOffsetMin: number) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const minute = ((e.clientY - rect.top) / SLOT_PX) * SLOT_MIN - grabOffsetMin;
    const slot = Math.round(minute / SLOT_MIN);
    return DAY_START_MIN + Math.max(0, Math.min(SLOTS - 1, slot)) * SLOT_MIN;
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>开庭排期</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => setMonday(addDays(monday, -7))} data-testid="week-prev">
            ‹ 上一周
          </Button>
          <Button variant={monday === mondayOf(today) ? 'filled' : 'default'} onClick={() => setMonday(mondayOf(today))} data-testid="week-this">
            本周
          </Button>
          <Button variant="default" onClick={() => setMonday(addDays(monday, 7))} data-testid="week-next">
            下一周 ›
          </Button>
        </Group>
      </Group>
      <Group justify="space-between">
        <Text fw={600} data-testid="week-range">
          {formatChineseMonthDay(days[0])}（{formatWeekday(days[0])}）至 {formatChineseMonthDay(days[6])}（{formatWeekday(days[6])}）
        </Text>
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            庭室
          </Text>
          <SegmentedControl
            size="xs"
            value={roomFilter}
            onChange={setRoomFilter}
            data={[{ value: 'all', label: '全部' }, ...rooms.map((r) => ({ value: String(r.id), label: r.name }))]}
            data-testid="room-filter"
          />
          {rooms.map((r) => (
            <Badge key={r.id} color={roomColor(rooms, r.id)} variant="filled" size="sm">
              {r.name}
            </Badge>
          ))}
        </Group>
      </Group>
      {moveError && (
        <Alert color="red" withCloseButton onClose={() => setMoveError(null)} data-testid="calendar-move-error">
          {moveError}
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {!hearings && !error && <Loader />}
      <div className={classes.grid} data-testid="hearing-calendar">
        <div className={classes.dayHead} style={{ borderLeft: 'none' }} />
        {days.map((d) => (
          <div key={d} className={`${classes.dayHead} ${d === today ? classes.today : ''}`} data-testid={`day-${d}`}>
            {formatWeekday(d).replace('星期', '周')} {formatChineseMonthDay(d)}
          </div>
        ))}
        <div className={classes.gutter} style={{ height: SLOTS * SLOT_PX }}>
          {Array.from({ length: SLOTS / 2 + 1 }, (_, i) => (
            <span key={i} className={classes.hourLabel} style={{ top: i * 2 * SLOT_PX + (i === 0 ? 8 : i === SLOTS / 2 ? -8 : 0) }}>
              {hhmm(DAY_START_MIN + i * 60)}
            </span>
          ))}
        </div>
        {days.map((d, di) => {
          const dayHearings = visible.filter((h) => datePart(h.startsAt) === d);
          return (
            <div
              key={d}
              className={`${classes.column} ${di >= 5 ? classes.weekend : ''}`}
              style={{ height: SLOTS * SLOT_PX }}
              data-testid={`calendar-day-${d}`}
              data-date={d}
              onDragOver={(e) => {
                if (!drag.current) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                const startMin = slotFromEvent(e, drag.current.grabOffsetMin);
                if (!dropHint || dropHint.date !== d || dropHint.startMin !== startMin) setDropHint({ date: d, startMin, duration: drag.current.duration });
              }}
              onDragLeave={() => setDropHint((h) => (h?.date === d ? null : h))}
              onDrop={(e) => {
                e.preventDefault();
                const current = drag.current;
                drag.current = null;
                setDropHint(null);
                if (!current) return;
                const h = hearings?.find((x) => x.id === current.id);
                if (h) void move(h, d, slotFromEvent(e, current.grabOffsetMin));
              }}
            >
              {Array.from({ length: SLOTS }, (_, i) => (
                <div key={i} className={`${classes.slotLine} ${i % 2 === 0 ? classes.hourLine : ''}`} style={{ top: i * SLOT_PX }} />
              ))}
              {dropHint?.date === d && (
                <div className={classes.dropShadow} style={{ top: ((dropHint.startMin - DAY_START_MIN) / SLOT_MIN) * SLOT_PX, height: (dropHint.duration / SLOT_MIN) * SLOT_PX - 2 }} />
              )}
              {placeDay(dayHearings).map(({ hearing: h, lane, lanes }) => {
                const start = Math.max(DAY_START_MIN, minutesOf(h.startsAt));
                const end = Math.min(DAY_END_MIN, Math.max(start + SLOT_MIN, minutesOf(h.endsAt)));
                const cancelled = h.status === 'cancelled';
                const color = roomColor(rooms, h.roomId);
                return (
                  <a
                    key={h.id}
                    href={`#/hearings/${h.id}`}
                    draggable={!cancelled && can('hearings.move')}
                    onDragStart={(e) => {
                      const rect = e.currentTarget.getBoundingClientRect();
                      drag.current = { id: h.id, grabOffsetMin: ((e.clientY - rect.top) / SLOT_PX) * SLOT_MIN, duration: durationMin(h.startsAt, h.endsAt) };
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', String(h.id));
                    }}
                    onDragEnd={() => {
                      drag.current = null;
                      setDropHint(null);
                    }}
                    className={`${classes.block} ${overrides[h.id] ? classes.moving : ''} ${cancelled ? classes.cancelled : ''}`}
                    style={{
                      top: ((start - DAY_START_MIN) / SLOT_MIN) * SLOT_PX + 1,
                      height: ((end - start) / SLOT_MIN) * SLOT_PX - 2,
                      left: `calc(${(lane / lanes) * 100}% + 2px)`,
                      width: `calc(${100 / lanes}% - 4px)`,
                      background: `var(--mantine-color-${color}-7)`,
                    }}
                    data-testid={`hearing-block-${h.id}`}
                    title={`${h.caseNumber ?? h.caseTitle}\n${timeRange(h.startsAt, h.endsAt)} ${h.roomName}\n${procedureLabels[h.procedure]}：${h.arbitratorNames.join('、')}；书记员 ${h.clerkName}${h.warnings.length ? `\n⚠ ${h.warnings.map((w) => w.message).join('；')}` : ''}`}
                  >
                    <div style={{ fontWeight: 700 }}>
                      {h.warnings.length > 0 && '⚠ '}
                      {shortCaseNumber(h.caseNumber) ?? h.caseTitle}
                    </div>
                    <div>
                      {timeRange(h.startsAt, h.endsAt)} · {h.roomName}
                    </div>
                    <div>{h.arbitratorNames.join('、')}</div>
                  </a>
                );
              })}
            </div>
          );
        })}
      </div>
      <Text size="xs" c="dimmed">
        拖动开庭块可改到其他时间或日期；庭室、仲裁员或书记员冲突时不予调整，开庭通知期或裁决期限不符时以橙色提示。在案件页「开庭」中安排新的开庭。
      </Text>
    </Stack>
  );
}
