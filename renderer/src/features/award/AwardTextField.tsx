import { useEffect, useRef, useState } from 'react';
import { Textarea } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * One long text of the award (答辩意见, 查明事实 …), saved after a pause in typing and on blur.
 * A refused save keeps what was typed, with the message under the field; the next edit retries.
 */
export function AwardTextField(props: {
  label: string;
  description?: string;
  value: string;
  minRows?: number;
  testId: string;
  /** the case is closed: shown, not editable */
  readOnly?: boolean;
  onSave: (value: string) => Promise<void>;
  onState: (state: SaveState) => void;
}) {
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  const saved = useRef(props.value);
  const focused = useRef(false);

  // A change from elsewhere (another window): take it unless this field is being edited.
  useEffect(() => {
    if (!focused.current && draft === saved.current) setDraft(props.value);
    saved.current = props.value;
  }, [props.value]); // only the server value matters here, not the draft

  const save = async (value: string) => {
    if (value === saved.current) return;
    props.onState('saving');
    try {
      await props.onSave(value);
      saved.current = value;
      setError(null);
      props.onState('saved');
    } catch (e) {
      setError((e as Error).message);
      props.onState('failed');
    }
  };
  const debounced = useDebouncedCallback((value: string) => void save(value), 900);

  return (
    <Textarea
      label={props.label}
      description={props.description}
      value={draft}
      error={error}
      autosize
      minRows={props.minRows ?? 3}
      maxRows={16}
      data-testid={props.testId}
      readOnly={props.readOnly}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        debounced.cancel();
        void save(draft);
      }}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDraft(value);
        props.onState('pending');
        debounced(value);
      }}
    />
  );
}
