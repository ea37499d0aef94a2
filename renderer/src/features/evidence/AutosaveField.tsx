import { useEffect, useRef, useState } from 'react';
import { Textarea, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { errorMessage } from './format';

/**
 * A text field that saves itself: after a pause in typing and on blur. A failed save keeps what was
 * typed and shows the backend's message under the field; the next edit tries again.
 */
export function AutosaveField(props: {
  value: string;
  onSave: (value: string) => Promise<unknown>;
  label: string;
  multiline?: boolean;
  placeholder?: string;
  testId?: string;
  w?: number | string;
}) {
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const saved = useRef(props.value);
  const focused = useRef(false);

  // Someone else changed the value (another window, a reload): take it unless we are editing.
  useEffect(() => {
    if (!focused.current && draft === saved.current) setDraft(props.value);
    saved.current = props.value;
  }, [props.value]); // only the server value matters here, not the draft

  const save = async (value: string) => {
    if (value === saved.current) {
      setError(null);
      return;
    }
    setSaving(true);
    try {
      await props.onSave(value);
      saved.current = value;
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const debounced = useDebouncedCallback((value: string) => void save(value), 800);

  const common = {
    'aria-label': props.label,
    value: draft,
    error,
    placeholder: props.placeholder,
    'data-testid': props.testId,
    'data-saving': saving || undefined,
    w: props.w,
    size: 'xs' as const,
    variant: error ? ('default' as const) : ('filled' as const),
    onFocus: () => {
      focused.current = true;
    },
    onBlur: () => {
      focused.current = false;
      debounced.cancel();
      void save(draft);
    },
  };
  return props.multiline ? (
    <Textarea
      {...common}
      autosize
      minRows={1}
      maxRows={6}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
    />
  ) : (
    <TextInput
      {...common}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        debounced(e.currentTarget.value);
      }}
    />
  );
}
