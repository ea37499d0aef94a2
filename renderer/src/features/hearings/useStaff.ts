import { useCallback, useEffect, useState } from 'react';
import type { RoomView, StaffView } from '../../../../electron/core/contract';
import { call } from '../../api';

/** Rooms, arbitrators and clerks (settings), as one list each. */
export function useStaff() {
  const [staff, setStaff] = useState<StaffView[]>([]);
  const [rooms, setRooms] = useState<RoomView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const apply = useCallback((v: { staff: StaffView[]; rooms: RoomView[] }) => {
    setStaff(v.staff);
    setRooms(v.rooms);
    setLoaded(true);
  }, []);
  useEffect(() => {
    call('staff.list', {})
      .then(apply)
      .catch((e: Error) => setError(e.message));
  }, [apply]);
  return { staff, rooms, error, loaded, apply };
}

/** A fixed colour per room (by position in the room list), used on the calendar and in badges. */
export const roomPalette = ['blue', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'indigo', 'yellow', 'violet'] as const;
export function roomColor(rooms: RoomView[], roomId: number): string {
  const i = rooms.findIndex((r) => r.id === roomId);
  return roomPalette[(i < 0 ? roomId : i) % roomPalette.length];
}
