/**
 * Child process for the numbering race test: a second connection to the same database file (as a
 * backup or maintenance tool would hold beside the app), accepting the given cases through the
 * real service (with "reject" as the third argument, rejects them: the rejection number series). The folder lock keeps a second *app* out; this checks that write transactions
 * begin IMMEDIATE, so two connections wait for each other instead of failing "database is locked".
 */
import path from 'node:path';
import { openDatabase } from '../../db/open';
import { loadCalendar } from '../../electron/services/dataFolder';
import { acceptCase, rejectCase } from '../../electron/services/cases/intakeDecisions';
import type { ServiceContext } from '../../electron/services/context';
import { appPaths } from './services';

async function main() {
  const [dataDir, list, mode = 'accept'] = process.argv.slice(2);
  const db = openDatabase(path.join(dataDir, 'sucai.db'), appPaths);
  const ctx: ServiceContext = {
    db,
    dataDir,
    calendar: loadCalendar(dataDir, appPaths),
    host: 'web',
    now: () => new Date('2026-11-20T02:00:00Z'),
    emit: () => undefined,
    onClose: () => undefined,
  };
  const numbers: string[] = [];
  // Wait for the sibling process so both really race.
  const start = Number(process.env.START_AT ?? 0);
  while (Date.now() < start) await new Promise((r) => setTimeout(r, 5));
  for (const id of list.split(',').map(Number)) {
    numbers.push(
      mode === 'reject'
        ? rejectCase(ctx, { id, rejectedOn: '2026-11-19', reason: '申请人与被申请人之间不存在劳动关系' }).rejectionNumber!
        : acceptCase(ctx, { id, acceptedOn: '2026-11-19' }).caseNumber!,
    );
  }
  db.$client.close();
  process.stdout.write(JSON.stringify(numbers));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
