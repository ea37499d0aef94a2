import type { CSSProperties } from 'react';
import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { CaseEventView } from '../../../../electron/core/contract';
import { formatChinaDateTime } from '../../../../electron/core/dates';
import css from './TimelineCard.module.css';

const cls = (part: keyof typeof Timeline.classes, name: string) => `${Timeline.classes[part]} mantine-Timeline-${name}`;
const ROOT = `${cls('root', 'root')} ${css.chunk}`;
const ITEM = cls('item', 'item');
const BULLET = cls('itemBullet', 'itemBullet');
const BODY = cls('itemBody', 'itemBody');
const TITLE = cls('itemTitle', 'itemTitle');
const WHEN = `mantine-focus-auto ${Text.classes.root} mantine-Text-root ${css.when}`;
/** Events per block; a block far from the viewport is not laid out (content-visibility). */
const BLOCK = 50;
/** About the height of one event (a line of summary, a line of time, the gap), for blocks not laid out yet. */
const EVENT_PX = 70;

/**
 * The case timeline, newest first: who did what and when. A collective case keeps a thousand
 * events and more (a payment per worker), so they are drawn as the plain elements Mantine's
 * Timeline draws (its classes and variables), in blocks of 50 that the browser lays out only when
 * they come near the viewport: the case page draws without laying out the whole history.
 */
export function TimelineCard({ events }: { events: CaseEventView[] }) {
  const blocks: CaseEventView[][] = [];
  for (let i = 0; i < events.length; i += BLOCK) blocks.push(events.slice(i, i + BLOCK));
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">办案记录</Title>
      <div data-testid="timeline">
        {blocks.map((block, i) => (
          <div key={i} className={ROOT} data-align="left" style={{ '--tl-bullet-size': 'calc(0.875rem * var(--mantine-scale))', '--tl-line-width': 'calc(0.125rem * var(--mantine-scale))', containIntrinsicSize: `auto ${block.length * EVENT_PX}px` } as CSSProperties}>
            {block.map((e) => (
              <div key={e.id} className={ITEM}>
                <div className={BULLET} data-align="left" />
                <div className={BODY}>
                  <div className={TITLE}>{e.summary}</div>
                  <div className="mantine-Timeline-itemContent">
                    <p className={WHEN} data-size="xs">
                      {formatChinaDateTime(new Date(e.at))} · {e.actor}
                    </p>
                  </div>
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
    </Paper>
  );
}
