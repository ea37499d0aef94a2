
/** Names of the document kinds (the backend's availability list carries the same labels). */
export { documentLabels as documentKindLabels } from '../../../../electron/core/contract';

/**
 * How a document's variant reads next to its title: the two award kinds in words, an addressee's
 * name when the title does not already carry it, nothing for internal keys ("applicants").
 */
export function variantLabel(variant: string, title = ''): string {
  if (variant === 'final') return title.includes('非终局') || title.includes('终局') ? '' : '终局裁决';
  if (variant === 'nonFinal') return title.includes('非终局') ? '' : '非终局裁决';
  if (!/[^\x00-\x7f]/.test(variant)) return '';
  return title.includes(variant) ? '' : variant;
}
