/**
 * Settings of 快审: hearing rooms, and the arbitrators and clerks who sit in them (accounts: see
 * services/accounts). Nothing is deleted — a room that is no longer used is deactivated, so past
 * hearings keep their names.
 */
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { AppFailure, type RoomView, type StaffView } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { rooms } from '../../../db/schema';
import { listHearingStaff } from '../accounts/accountsService';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';

export type StaffAndRooms = { staff: StaffView[]; rooms: RoomView[] };

/** Active first, in the order they were entered. */
export function listStaffAndRooms(db: Executor): StaffAndRooms {
  return {
    staff: listHearingStaff(db),
    rooms: db.select().from(rooms).orderBy(desc(rooms.active), asc(rooms.id)).all(),
  };
}

/** Scheduled hearings from today on that still need this room. */
function upcoming(tx: Tx, today: string, roomId: number): number {
  return tx.get<{ n: number }>(sql`select count(*) as n from hearings where status = 'scheduled' and starts_at >= ${today} and room_id = ${roomId}`)?.n ?? 0;
}

export function saveRoom(ctx: ServiceContext, input: { id?: number; name: string; location?: string | null; active: boolean }): StaffAndRooms {
  const today = todayInChina(ctx.now());
  return ctx.db.transaction(
    (tx) => {
      const clash = tx
        .select({ id: rooms.id })
        .from(rooms)
        .where(and(eq(rooms.name, input.name), input.id ? ne(rooms.id, input.id) : undefined))
        .get();
      if (clash) throw new AppFailure('conflict', `已有名为“${input.name}”的仲裁庭`);
      const location = input.location?.trim() || null;
      if (input.id) {
        const row = tx.select().from(rooms).where(eq(rooms.id, input.id)).get();
        if (!row) throw new AppFailure('not_found', `仲裁庭不存在（编号${input.id}）`);
        if (row.active && !input.active) {
          const n = upcoming(tx, today, row.id);
          if (n > 0) throw new AppFailure('conflict', `${row.name}还有${n}场待开庭，请先改到其他仲裁庭后再停用`);
        }
        tx.update(rooms).set({ name: input.name, location, active: input.active }).where(eq(rooms.id, input.id)).run();
      } else {
        tx.insert(rooms).values({ name: input.name, location, active: input.active }).run();
      }
      return listStaffAndRooms(tx);
    },
    { behavior: 'immediate' },
  );
}
