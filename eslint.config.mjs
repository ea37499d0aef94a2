// The layer table of architecture.md, enforced: each folder lists what it must never import.
import tseslint from 'typescript-eslint';

const forbid = (...rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
});

const node = ['^node:', '只能在 services / main / web / db 中使用 Node 模块'];
const electron = ['^electron$', '只有 electron/main 和 preload 可以引用 electron'];
const react = ['^(react|react-dom|@mantine/.*|@tanstack/.*)$', '界面库只属于 renderer'];
const db = ['(^|/)db(/|$)|^(better-sqlite3|drizzle-orm)', '数据库只能经由 services 访问'];
const services = ['(^|/)services(/|$)', 'services 只能由宿主（main / web）调用'];
const hosts = ['(^|/)(main|preload|web)(/|$)', '不得引用宿主代码'];
const renderer = ['(^|/)renderer(/|$)', '不得引用界面代码'];
const documents = ['(^|/)documents(/|$)', '文书生成只能由 services 调用'];
/** From core: the builders folder, not core's own contract/documents.ts. */
const coreDocuments = ['^(\\.\\./)+documents(/|$)', '文书生成只能由 services 调用'];
/** From the renderer: electron/documents only (the renderer has its own features/documents folder). */
const documentsBuilders = ['(^|/)electron/documents(/|$)', '文书生成只能由 services 调用'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'db/migrations/**'] },
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    languageOptions: { parser: tseslint.parser },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  { files: ['electron/core/**'], rules: forbid(node, electron, react, db, services, hosts, renderer, coreDocuments) },
  { files: ['electron/documents/**'], rules: forbid(node, electron, react, db, services, hosts, renderer) },
  { files: ['db/**'], rules: forbid(electron, react, services, hosts, renderer) },
  { files: ['electron/services/**'], rules: forbid(electron, react, hosts, renderer) },
  { files: ['electron/main/**'], rules: forbid(react, db, renderer, ['(^|/)web(/|$)', 'Electron 宿主不引用 web 宿主']) },
  { files: ['electron/preload/**'], rules: forbid(node, react, db, services, renderer, documents, ['(^|/)(main|web)(/|$)', 'preload 只引用 electron 与 core 的契约']) },
  { files: ['electron/web/**'], rules: forbid(electron, react, hosts, renderer) },
  { files: ['renderer/**'], rules: forbid(node, electron, db, services, hosts, documentsBuilders, ['^exceljs$', '表格解析在 services 中进行']) },
);
