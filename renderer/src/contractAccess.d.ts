/** The contract's access table, generated at build time (electron.vite.config.ts, contractAccess). */
declare module 'virtual:contract-access' {
  import type { Access, MethodName } from '../../electron/core/contract';
  const access: Record<MethodName, Access>;
  export default access;
}
