import { useState } from 'react';
import { Button, Collapse } from '@mantine/core';
import { PresentationControls } from '../presentation/PresentationControls';

/** The shared-screen (投屏) panel, folded away until the operator opens it. */
export function SharedScreenButton({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <Button size="xs" variant={open ? 'filled' : 'outline'} color="dark" onClick={onToggle} data-testid="shared-screen-toggle">
      {open ? '收起投屏' : '投屏（共享屏幕）'}
    </Button>
  );
}

export function SharedScreenPanel({ open, caseId, hearingId }: { open: boolean; caseId: number; hearingId?: number }) {
  return <Collapse expanded={open}>{open && <PresentationControls caseId={caseId} hearingId={hearingId} />}</Collapse>;
}

export function useSharedScreen() {
  const [open, setOpen] = useState(false);
  return { open, toggle: () => setOpen((o) => !o) };
}
