import { EventEmitter } from 'node:events';
import { todayInChina } from '../core/dates';
import type { AppEvent, MethodName, MethodOutput } from '../core/contract';
import type { z } from 'zod';
import type { Contract } from '../core/contract';
import type { ServiceContext } from './context';
import { openDataFolder, loadCalendar, reloadableCalendar, type AppPaths, type OpenedFolder } from './dataFolder';
import { calendarHandlers } from './settings/handlers';
import { confirmMinimumWage, ensureCommission, readSettings, updateSettings } from './settings/settingsService';
import { searchOrganisations } from './catalog/organisationsService';
import { searchProjects } from './catalog/projectsService';
import { previewRoster } from './roster/readRoster';
import { createCase } from './cases/createCase';
import { getCase } from './cases/getCase';
import { searchCases } from './cases/searchCases';
import { relatedCases } from './cases/relatedCases';
import { acceptCase, completeMaterials, rejectCase } from './cases/intakeDecisions';
import { recordRespondentService } from './cases/respondentService';
import { openArbitration } from './inspection/openArbitration';
import { inspectionHandlers } from './inspection/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { bundleHandlers } from './bundle/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { mediationHandlers } from './mediation/handlers';
import { hearingHandlers } from './hearings/handlers';
import { presentationHandlers } from './presentation/handlers';
import { documentHandlers } from './documents/handlers';
import { closingHandlers } from './closing/handlers';
import { followUpHandlers } from './followUp/handlers';
import { awardHandlers } from './award/handlers';
import { accountHandlers } from './accounts/handlers';
import { endSessionByToken, resolveSession, type ResolvedSession } from './accounts/sessions';
import { refreshAllNextDue } from './cases/caseClock';
import { indexMissingCases } from './search/indexCase';
import { rebuildDeferredIndexes } from './batch';
import { guardWrites } from './audit/guardWrites';
import { recordUnattributedWrites } from './audit/unattributed';
import { backupHandlers } from './backup/handlers';

type Parsed<M extends MethodName> = z.output<Contract[M]['input']>;
export type Handlers = { [M in MethodName]: (input: Parsed<M>) => MethodOutput<M> | Promise<MethodOutput<M>> };
/** The handlers of one feature folder, e.g. HandlersOf<'evidence.'>. */
export type HandlersOf<Prefix extends string> = { [M in MethodName as M extends `${Prefix}${string}` ? M : never]: Handlers[M] };

export type Services = {
  ctx: ServiceContext;
  handlers: Handlers;
  events: EventEmitter<{ event: [AppEvent] }>;
  /** The signed-in account behind a session token (cookie or desktop window), or null. */
  resolveSession: (token: string) => ResolvedSession | null;
  /** Ends the session behind a token (a desktop window that closed). */
  endSession: (token: string) => void;
  close: () => void;
};

export type ServiceOptions = AppPaths & {
  dataDir: string;
  host: 'web' | 'electron';
  version: string;
  /** Tests pin the clock. */
  now?: () => Date;
  /** Back up at the first start of each day (the hosts; not tests or scripts). */
  autoBackup?: boolean;
  /** Web host: the backup folder fixed at start (--backup-dir). */
  backupDir?: string;
};

/** Opens a data folder and returns one handler per contract method. Both hosts call this. */
export function createServices(options: ServiceOptions): Services {
  const folder = openDataFolder(options.dataDir, { ...options, now: (options.now ?? (() => new Date()))() });
  try {
    return servicesOn(folder, options);
  } catch (error) {
    folder.db.$client.close();
    folder.release();
    throw error;
  }
}

function servicesOn({ db, release }: OpenedFolder, options: ServiceOptions): Services {
  const events = new EventEmitter<{ event: [AppEvent] }>();
  const disposers: (() => void)[] = [];
  const calendar = reloadableCalendar(() => loadCalendar(options.dataDir, options, db));
  const ctx: ServiceContext = {
    db,
    dataDir: options.dataDir,
    calendar,
    host: options.host,
    now: options.now ?? (() => new Date()),
    emit: (event) => events.emit('event', event),
    onClose: (dispose) => disposers.push(dispose),
  };
  rebuildDeferredIndexes(db);
  ensureCommission(db, ctx.now());
  if (indexMissingCases(db) > 0) refreshAllNextDue(ctx);

  const handlers: Handlers = {
    ...accountHandlers(ctx),
    'app.info': () => ({ version: options.version, host: options.host, dataDir: options.dataDir, today: todayInChina(ctx.now()) }),
    'settings.get': () => readSettings(db),
    'settings.update': (input) => {
      const before = readSettings(db);
      const after = updateSettings(ctx, input);
      if (before.fastTrackTargetDays !== after.fastTrackTargetDays || before.publicationPeriodDays !== after.publicationPeriodDays) refreshAllNextDue(ctx);
      return after;
    },
    'settings.confirmMinimumWage': ({ effectiveOn }) => confirmMinimumWage(ctx, effectiveOn),
    'projects.search': ({ query }) => searchProjects(db, query),
    'organisations.search': ({ query }) => searchOrganisations(db, query),
    'workers.previewRoster': ({ fileName, contentBase64 }) =>
      previewRoster(fileName, Buffer.from(contentBase64, 'base64'), todayInChina(ctx.now())),
    'cases.create': (input) => createCase(ctx, input),
    'cases.get': ({ id }) => getCase(ctx, id),
    'cases.search': (input) => searchCases(ctx, input),
    'cases.related': ({ id }) => relatedCases(ctx, id),
    'cases.accept': (input) => acceptCase(ctx, input),
    'cases.reject': (input) => rejectCase(ctx, input),
    'cases.completeMaterials': (input) => completeMaterials(ctx, input),
    'cases.recordService': (input) => recordRespondentService(ctx, input),
    'cases.openArbitration': (input) => openArbitration(ctx, input),
    // a holiday notice saved in settings counts at once: reload the calendar, recompute open cases
    ...calendarHandlers(ctx, () => {
      calendar.reload();
      refreshAllNextDue(ctx);
    }),
    ...inspectionHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...bundleHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...mediationHandlers(ctx),
    ...hearingHandlers(ctx),
    ...presentationHandlers(ctx),
    ...documentHandlers(ctx),
    ...closingHandlers(ctx),
    ...followUpHandlers(ctx),
    ...awardHandlers(ctx),
    ...backupHandlers(ctx, { appVersion: options.version, hostFolder: options.backupDir, nativeBinding: options.nativeBinding, autoBackup: options.autoBackup }),
  };
  guardWrites(handlers, db, ctx.now);
  const close = () => {
    for (const dispose of disposers.splice(0)) dispose();
    if (db.$client.open) {
      recordUnattributedWrites(db.$client, 'close', ctx.now());
      db.$client.close();
    }
    release();
  };
  return { ctx, handlers, events, resolveSession: (token) => resolveSession(db, token, ctx.now()), endSession: (token) => endSessionByToken(db, token), close };
}

