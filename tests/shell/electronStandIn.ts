/**
 * A small stand-in for the `electron` module, for loading the built main bundle and the preload
 * under Node where the Electron binary cannot run. It records what the app registers and creates —
 * schemes, protocol and IPC handlers, windows and their options, session handlers, error boxes,
 * exits — and lets a test play Electron's side: become ready, send IPC from a frame, emit screen
 * and app events. It implements no behaviour of its own beyond that.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export type Rect = { x: number; y: number; width: number; height: number };
export type FakeDisplay = { id: number; bounds: Rect; workArea: Rect };
type Handler = (...args: unknown[]) => unknown;

export const display = (id: number, x: number): FakeDisplay => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});

export type StandInOptions = {
  userData: string;
  appPath: string;
  downloads?: string;
  lock?: boolean;
  displays?: FakeDisplay[];
  switches?: Record<string, string>;
  /** What BrowserWindow#loadURL does: resolve (default) or reject with this error. */
  loadError?: Error & { code?: string };
};

export function createStandIn(options: StandInOptions) {
  let ready = false;
  let resolveReady!: () => void;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  const paths: Record<string, string> = { userData: options.userData, appData: path.dirname(options.userData), downloads: options.downloads ?? path.join(options.userData, 'Downloads') };
  let displays = options.displays ?? [display(1, 0)];

  const record = {
    schemes: [] as { schemes: unknown; beforeReady: boolean }[],
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    handles: new Map<string, Handler>(),
    listeners: new Map<string, Handler[]>(),
    windows: [] as FakeWindow[],
    permissionRequest: null as null | Handler,
    permissionCheck: null as null | Handler,
    sessionEvents: new Map<string, Handler[]>(),
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as unknown[],
    exits: [] as number[],
    quits: 0,
    setPaths: [] as [string, string][],
    lockRequests: [] as unknown[],
    /** The order of calls that must happen before ready. */
    order: [] as string[],
    exposed: new Map<string, Record<string, (...args: unknown[]) => unknown>>(),
    sent: [] as { channel: string; payload: unknown }[],
  };

  class App extends EventEmitter {
    commandLine = { getSwitchValue: (name: string) => options.switches?.[name] ?? '', hasSwitch: (name: string) => name in (options.switches ?? {}) };
    whenReady = () => readyPromise;
    isReady = () => ready;
    getPath = (name: string) => paths[name] ?? path.join(options.userData, name);
    setPath = (name: string, value: string) => {
      if (!fs.existsSync(value)) throw new Error('Failed to set path'); // as Electron: the folder must exist
      record.order.push(`setPath:${name}`);
      record.setPaths.push([name, value]);
      paths[name] = value;
    };
    getAppPath = () => options.appPath;
    getVersion = () => '0.0.0-smoke';
    getName = () => 'sucai-desk';
    requestSingleInstanceLock = (data?: unknown) => {
      record.order.push('requestSingleInstanceLock');
      record.lockRequests.push(data);
      return options.lock ?? true;
    };
    /** Electron's quit: before-quit, then will-quit (which a listener may prevent). */
    quit = () => {
      record.quits += 1;
      this.emit('before-quit', { preventDefault() {} });
      let prevented = false;
      this.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (!prevented) this.quitted = true;
    };
    quitted = false;
    exit = (code = 0) => void record.exits.push(code);
  }
  const app = new App();

  class FakeContents extends EventEmitter {
    static nextId = 1;
    id = FakeContents.nextId++;
    windowOpenHandler: Handler | null = null;
    destroyed = false;
    setWindowOpenHandler = (handler: Handler) => void (this.windowOpenHandler = handler);
    send = (channel: string, payload: unknown) => void record.sent.push({ channel, payload });
    isDestroyed = () => this.destroyed;
  }

  class FakeWindow extends EventEmitter {
    webContents = new FakeContents();
    bounds: Rect;
    fullScreen: boolean;
    destroyed = false;
    focused = false;
    loadedURLs: string[] = [];
    constructor(public readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
      super();
      this.bounds = { x: Number(options.x ?? 0), y: Number(options.y ?? 0), width: Number(options.width ?? 800), height: Number(options.height ?? 600) };
      this.fullScreen = options.fullscreen === true;
      record.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows = () => record.windows.filter((w) => !w.destroyed);
    static fromWebContents = (contents: unknown) => record.windows.find((w) => w.webContents === contents) ?? null;
    loadURL = (url: string) => {
      this.loadedURLs.push(url);
      return options.loadError ? Promise.reject(options.loadError) : Promise.resolve();
    };
    show = () => {};
    focus = () => void (this.focused = true);
    restore = () => {};
    isMinimized = () => false;
    setMenuBarVisibility = () => {};
    getBounds = () => this.bounds;
    setBounds = (bounds: Rect) => void (this.bounds = bounds);
    isFullScreen = () => this.fullScreen;
    setFullScreen = (on: boolean) => {
      const was = this.fullScreen;
      this.fullScreen = on;
      if (was && !on) this.emit('leave-full-screen');
    };
    isDestroyed = () => this.destroyed;
    close = () => this.destroy();
    destroy = () => {
      if (this.destroyed) return;
      this.destroyed = true;
      this.webContents.destroyed = true;
      this.emit('closed');
    };
  }

  const screen = Object.assign(new EventEmitter(), {
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => displays[0],
    getDisplayMatching: (rect: Rect) =>
      displays.find((d) => rect.x >= d.bounds.x && rect.x < d.bounds.x + d.bounds.width) ?? displays[0],
  });

  const ipcRendererListeners = new EventEmitter();
  /** IPC as if sent from a frame at `url` in `window` (default: the first window, our own page). */
  const frameEvent = (url: string, window: FakeWindow | undefined = record.windows[0]) => ({ sender: window?.webContents, senderFrame: { url } });

  const electron = {
    app,
    BrowserWindow: FakeWindow,
    screen,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        record.order.push('registerSchemesAsPrivileged');
        record.schemes.push({ schemes, beforeReady: !ready });
      },
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => void record.protocolHandlers.set(scheme, handler),
    },
    net: {
      fetch: async (url: string) => new Response(fs.readFileSync(fileURLToPath(url))),
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        // as Electron: a second handler for one channel throws
        if (record.handles.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.handles.set(channel, handler);
      },
      on: (channel: string, listener: Handler) => void record.listeners.set(channel, [...(record.listeners.get(channel) ?? []), listener]),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => void (record.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Handler) => void (record.permissionCheck = handler),
        on: (event: string, listener: Handler) => void record.sessionEvents.set(event, [...(record.sessionEvents.get(event) ?? []), listener]),
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => void record.errorBoxes.push({ title, content }),
      showMessageBox: async (...args: unknown[]) => {
        record.messageBoxes.push(args);
        return { response: 0 };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    shell: { openExternal: async () => {}, openPath: async () => '', showItemInFolder: () => {} },
    // preload side
    contextBridge: { exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) => void record.exposed.set(name, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => {
        const handler = record.handles.get(channel);
        if (!handler) throw new Error(`No handler registered for '${channel}'`);
        return handler(frameEvent('sucai://app/index.html'), ...args);
      },
      send: (channel: string, ...args: unknown[]) => {
        for (const listener of record.listeners.get(channel) ?? []) listener(frameEvent('sucai://app/index.html'), ...args);
      },
      on: (channel: string, listener: Handler) => void ipcRendererListeners.on(channel, listener),
      removeListener: (channel: string, listener: Handler) => void ipcRendererListeners.removeListener(channel, listener),
    },
    webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
  };

  return {
    electron,
    record,
    app,
    screen,
    frameEvent,
    setDisplays: (next: FakeDisplay[]) => void (displays = next),
    /** Electron's 'ready': whenReady resolves; returns after the app's ready callbacks have run. */
    async becomeReady() {
      ready = true;
      resolveReady();
      for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

export type StandIn = ReturnType<typeof createStandIn>;

type ModuleWithLoad = typeof Module & { _load: (request: string, ...rest: unknown[]) => unknown };

/** Loads the built main bundle afresh with `require('electron')` answered by the stand-in. */
export function loadMainBundle(file: string, standIn: StandIn): void {
  const loader = Module as ModuleWithLoad;
  const original = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? standIn.electron : original.call(this, request, ...rest);
  };
  try {
    const require = Module.createRequire(file);
    delete require.cache[require.resolve(file)];
    require(file);
  } finally {
    loader._load = original;
  }
}

/** Runs the built preload as Electron's sandbox would; returns every module it required. */
export function loadPreloadBundle(file: string, standIn: StandIn): string[] {
  const required: string[] = [];
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`, { filename: file });
  const module = { exports: {} };
  wrapper(module.exports, (id: string) => {
    required.push(id);
    if (id === 'electron') return standIn.electron;
    throw new Error(`the sandboxed preload cannot require '${id}'`);
  }, module, file, path.dirname(file));
  return required;
}
