import { lazy, type ComponentType } from 'react';

/**
 * A component loaded with its feature's chunk the first time it is drawn (React.lazy for a named
 * export): the first screen downloads only what it shows; pdf.js, charts and the other features
 * arrive when their page or tab is opened.
 */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): M[K] {
  // React.lazy takes any component type; the caller gets back the exact one it named.
  return lazy(() => load().then((module) => ({ default: module[name] as ComponentType<any> }))) as M[K];
}
