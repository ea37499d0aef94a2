import type { CSSProperties, ReactNode } from 'react';
import { Badge } from '@mantine/core';

type Variant = 'filled' | 'light' | 'outline';
const BORDER = 'calc(0.0625rem * var(--mantine-scale)) solid';

/** The CSS variables Mantine's Badge sets for a colour and variant (its default variant resolver). */
function toneOf(color: string, variant: Variant): Record<string, string> {
  if (variant === 'light') return { '--badge-bg': `var(--mantine-color-${color}-light)`, '--badge-color': `var(--mantine-color-${color}-light-color)`, '--badge-bd': `${BORDER} transparent` };
  if (variant === 'outline') return { '--badge-bg': 'transparent', '--badge-color': `var(--mantine-color-${color}-outline)`, '--badge-bd': `${BORDER} var(--mantine-color-${color}-outline)` };
  return { '--badge-bg': `var(--mantine-color-${color}-filled)`, '--badge-color': 'var(--mantine-color-white)', '--badge-bd': `${BORDER} transparent` };
}
const XS = { '--badge-height': 'var(--badge-height-xs)', '--badge-padding-x': 'var(--badge-padding-x-xs)', '--badge-fz': 'var(--badge-fz-xs)' };

/**
 * Mantine's Badge as the plain elements it draws (its classes, data attributes and variables), for
 * lists that draw many of them: the same look, without a themed component per badge (the case
 * list's rows were a third of its first paint). `color` is a theme colour name (red, gray, …).
 */
export function PlainBadge(props: { color: string; variant?: Variant; size?: 'xs'; style?: CSSProperties; children: ReactNode }) {
  const { color, variant = 'filled', size, children } = props;
  const style = { ...(size === 'xs' ? XS : null), ...toneOf(color, variant), ...props.style } as CSSProperties;
  return (
    <div className={`${Badge.classes.root} mantine-Badge-root`} data-variant={variant === 'filled' ? undefined : variant} data-size={size} style={style}>
      <span className={`${Badge.classes.label} mantine-Badge-label`}>{children}</span>
    </div>
  );
}
