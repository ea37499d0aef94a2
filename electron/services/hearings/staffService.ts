/**
 * Settings of 快审: arbitrators, clerks and hearing rooms. Names are unique per role (rooms: unique);
 * nobody is deleted — a person or room that leaves is deactivated, so past hearings keep their names.
 */
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { AppFailure, type RoomView, type StaffView } from '../../core/contract';
import { todayInChina } from '../../core/dates';
import { rooms, staff } from '../../../db/schema';
import type { Executor, Tx } from '../../../db/open';
import type { ServiceContext } from '../context';

export type StaffAndRooms = { staff: StaffView[]; rooms: RoomView[] };
const roleLabels = { arbitrator: '仲裁员', clerk: '书记员' } as const;

/** Active first; then arbitrators before clerks, in the order they were entered. */
export function listStaffAndRooms(db: Executor): StaffAndRooms {
  return {
    staff: db.select().from(staff).orderBy(desc(staff.active), asc(staff.role), asc(staff.id)).all(),
    rooms: db.select().from(rooms).orderBy(desc(rooms.active), asc(rooms.id)).all(),
  };
}

/** Scheduled hearings from today on that still need this person or room. */
function upcoming(tx: Tx, today: string, who: { staffId?: number; roomId?: number }): number {
  const where = who.roomId
    ? sql`room_id = ${who.roomId}`
    : sql`(presiding_id = ${who.staffId} or clerk_id = ${who.staffId} or exists (select 1 from json_each(wing_ids) where value = ${who.staffId}))`;
  return tx.get<{ n: number }>(sql`select count(*) as n from hearings where status = 'scheduled' and starts_at >= ${today} and ${where}`)?.n ?? 0;
}

export function saveStaff(ctx: ServiceContext, input: { id?: number; role: 'arbitrator' | 'clerk'; name: string; active: boolean }): StaffAndRooms {
  const today = todayInChina(ctx.now());
  return ctx.db.transaction(
    (tx) => {
      const clash = tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.role, input.role), eq(staff.name, input.name), input.id ? ne(staff.id, input.id) : undefined))
        .get();
      if (clash) throw new AppFailure('conflict', `已有名为“${input.name}”的${roleLabels[input.role]}，同名人员请加以区分（如“${input.name}（二）”）`);
      if (input.id) {
        const row = tx.select().from(staff).where(eq(staff.id, input.id)).get();
        if (!row) throw new AppFailure('not_found', `人员不存在（编号${input.id}）`);
        if ((row.active && !input.active) || row.role !== input.role) {
          const n = upcoming(tx, today, { staffId: row.id });
          if (n > 0) throw new AppFailure('conflict', `${row.name}还有${n}场待开庭，请先调整这些开庭后再${row.role !== input.role ? '更改角色' : '停用'}`);
        }
        tx.update(staff).set({ role: input.role, name: input.name, active: input.active }).where(eq(staff.id, input.id)).run();
      } else {
        tx.insert(staff).values({ role: input.role, name: input.name, active: input.active }).run();
      }
      return listStaffAndRooms(tx);
    },
    { behavior: 'immediate' },
  );
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
          const n = upcoming(tx, today, { roomId: row.id });
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
