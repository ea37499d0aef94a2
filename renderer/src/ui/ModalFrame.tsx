/**
 * Mantine's Modal built from its parts so that `testId` (and `aria-label`) land on the visible
 * dialog box itself — the plain <Modal>'s root element has no size of its own, which makes it
 * "hidden" to e2e visibility checks.
 */
import type { ReactNode } from 'react';
import { Modal, type ModalRootProps } from '@mantine/core';

export type ModalFrameProps = Omit<ModalRootProps, 'title' | 'children'> & {
  title: ReactNode;
  testId?: string;
  children: ReactNode;
};

export function ModalFrame({ title, testId, children, ...root }: ModalFrameProps) {
  return (
    <Modal.Root {...root}>
      <Modal.Overlay />
      <Modal.Content data-testid={testId}>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
          <Modal.CloseButton aria-label="关闭" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
