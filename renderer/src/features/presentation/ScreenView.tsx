import type { CSSProperties } from 'react';
import type { PresentationPayload } from '../../../../electron/core/contract';
import type { Deadline } from '../../../../electron/core/clock/deadlines';
import { formatChineseDate, formatWeekday } from '../../../../electron/core/dates';
import { formatFen } from '../../../../electron/core/money';
import { maskableFieldLabels } from '../../../../electron/core/masking';
import { ScreenExhibit } from './ScreenExhibit';
import { isRevealed, screenSafe, unmaskActive } from './screenSafe';
import { chinaClock, chinaDate } from './useChinaClock';
import classes from './screen.module.css';

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;
/** Worker rows that fit one screen page at the stage's type size; the operator turns the pages. */
export const ROWS_PER_PAGE = 13;

export function workerPageCount(payload: PresentationPayload | null): number {
  return Math.max(1, Math.ceil((payload?.workers?.rows.length ?? 0) / ROWS_PER_PAGE));
}

type Props = {
  payload: PresentationPayload;
  commissionName: string;
  now: Date;
  /** Stage → pixels: the display size on the presentation page, small in the operator's preview. */
  scale: number;
  style?: CSSProperties;
  testId?: string;
};

/** Everything the room sees, drawn on the 1920×1080 stage. The same component draws the operator's preview. */
export function ScreenStage({ payload: raw, commissionName, now, scale, style, testId }: Props) {
  const payload = screenSafe(raw, now);
  const stageStyle: CSSProperties = { transform: `scale(${scale})`, ...style };
  if (payload.state.view.kind === 'blank') {
    return (
      <div className={classes.stage} style={stageStyle} data-testid={testId} data-view="blank" data-seq={payload.state.seq}>
        <div className={classes.blank}>
          <div className={classes.blankClock} data-testid="screen-clock">{chinaClock(now)}</div>
          <div className={classes.blankName}>{commissionName || payload.title}</div>
          <div className={classes.blankDate}>{chinaDate(now)}</div>
        </div>
      </div>
    );
  }
  const view = payload.state.view;
  const pages = workerPageCount(payload);
  const page = Math.min(Math.max(0, (view.kind === 'workers' ? (view.page ?? 1) : 1) - 1), pages - 1);
  const unmasked = unmaskActive(payload, now) ? payload.state.unmasked : null;
  const secondsLeft = unmasked ? Math.max(0, Math.ceil((Date.parse(unmasked.until) - now.getTime()) / 1000)) : 0;
  return (
    <div className={classes.stage} style={stageStyle} data-testid={testId} data-view={payload.state.view.kind} data-seq={payload.state.seq}>
      <header className={classes.topBar}>
        <div className={classes.caseBlock}>
          <div className={classes.commission}>{commissionName}</div>
          <div className={classes.caseNumber} data-testid="screen-case-number">{payload.caseNumber}</div>
        </div>
        {unmasked ? (
          <div className={classes.unmaskBadge} data-testid="screen-unmasked">
            临时显示{maskableFieldLabels[unmasked.field]} · {secondsLeft}秒
          </div>
        ) : (
          <div className={classes.maskBadge}>个人信息已遮蔽</div>
        )}
        <div className={classes.clock} data-testid="screen-clock">{chinaClock(now)}</div>
      </header>
      <main className={classes.body}>
        <div className={classes.titleRow}>
          <h1 className={classes.title} data-testid="screen-title">{payload.title}</h1>
          {payload.workers && pages > 1 && (
            <div className={classes.pageNote} data-testid="screen-page-note">
              第{page + 1}/{pages}页
            </div>
          )}
          {payload.exhibit && (
            <div className={classes.pageNote} data-testid="screen-exhibit-page">
              第{payload.exhibit.page}页{payload.exhibit.pageCount ? ` / 共${payload.exhibit.pageCount}页` : ''}
            </div>
          )}
        </div>
        {payload.summary && <Summary lines={payload.summary.lines} />}
        {payload.workers && <Workers workers={payload.workers} page={page} />}
        {payload.exhibit && view.kind === 'exhibit' && (
          <ScreenExhibit exhibit={payload.exhibit} scale={scale} zoom={view.zoom ?? 100} x={view.x ?? 0.5} y={view.y ?? 0} />
        )}
        {payload.deadlines && <Deadlines deadlines={payload.deadlines} />}
      </main>
    </div>
  );
}

function Summary({ lines }: { lines: { label: string; value: string }[] }) {
  return (
    <div className={classes.summary} data-testid="screen-summary">
      {lines.map((l) => (
        <div key={l.label} style={{ display: 'contents' }}>
          <div className={classes.summaryLabel}>{l.label}</div>
          <div className={classes.summaryValue}>{l.value}</div>
        </div>
      ))}
    </div>
  );
}

function Money({ fen }: { fen: number }) {
  return <span className={fen === 0 ? classes.zero : undefined}>{formatFen(fen)}</span>;
}

function Workers({ workers, page }: { workers: NonNullable<PresentationPayload['workers']>; page: number }) {
  const rows = workers.rows.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
  return (
    <table className={classes.table} data-testid="screen-workers">
      <colgroup>
        <col style={{ width: 100 }} />
        <col style={{ width: 210 }} />
        <col style={{ width: 440 }} />
        <col style={{ width: 290 }} />
        <col />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th className={classes.num}>序号</th>
          <th>姓名</th>
          <th>身份证号码</th>
          <th>手机号码</th>
          <th className={classes.num}>请求金额（元）</th>
          <th className={classes.num}>调解确认（元）</th>
          <th className={classes.num}>已支付（元）</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.seq} data-testid="screen-worker-row">
            <td className={classes.num}>{r.seq}</td>
            <td>{r.name}</td>
            <td className={`${classes.id} ${isRevealed(r.idNumber) ? classes.revealed : ''}`} data-testid="screen-worker-id">
              {r.idNumber}
            </td>
            <td className={`${classes.id} ${isRevealed(r.phone) ? classes.revealed : ''}`} data-testid="screen-worker-phone">
              {r.phone || '—'}
            </td>
            <td className={classes.num}><Money fen={r.claimedFen} /></td>
            <td className={classes.num}><Money fen={r.agreedFen} /></td>
            <td className={classes.num}><Money fen={r.paidFen} /></td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-testid="screen-worker-totals">
          <td colSpan={4}>合计 {workers.rows.length} 人</td>
          <td className={classes.num}>{formatFen(workers.totals.claimedFen)}</td>
          <td className={classes.num}>{formatFen(workers.totals.agreedFen)}</td>
          <td className={classes.num}>{formatFen(workers.totals.paidFen)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

const statusLabels: Record<Deadline['status'], string> = { waiting: '未起算', open: '进行中', done: '已完成', overdue: '已超期' };

function Deadlines({ deadlines }: { deadlines: Deadline[] }) {
  if (!deadlines.length) return <div className={classes.notice}>本案暂无计算中的期限</div>;
  return (
    <table className={classes.table} data-testid="screen-deadlines" style={{ fontSize: 36 }}>
      <colgroup>
        <col style={{ width: 560 }} />
        <col style={{ width: 620 }} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th>事项</th>
          <th>届满日</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        {deadlines.map((d, i) => (
          <tr key={`${d.key}-${i}`}>
            <td style={{ height: 76 }}>{d.label}</td>
            <td>{d.dueOn ? `${formatChineseDate(d.dueOn)}（${formatWeekday(d.dueOn)}）` : '—'}</td>
            <td className={`${classes.deadlineStatus} ${classes[`status-${d.status}`]}`}>{statusLabels[d.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
