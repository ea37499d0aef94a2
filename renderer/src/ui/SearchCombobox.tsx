/**
 * A free-text input that suggests existing records from an async search (projects,
 * organisations…). Typing keeps the text as it is; ↓/↑ + Enter or a click picks a record.
 */
import { useRef, useState, type ReactNode } from 'react';
import { Combobox, Loader, TextInput, useCombobox, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';

export type SearchComboboxProps<T> = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
  search: (query: string) => Promise<T[]>;
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  onPick: (item: T) => void;
  /** shown as the dropdown's header (e.g. "已登记的项目") */
  dropdownTitle?: ReactNode;
};

export function SearchCombobox<T>({
  value,
  onChange,
  search,
  itemKey,
  renderItem,
  onPick,
  dropdownTitle,
  onFocus,
  onBlur,
  ...inputProps
}: SearchComboboxProps<T>) {
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);

  const run = useDebouncedCallback(async (query: string) => {
    const id = ++request.current;
    setLoading(true);
    try {
      const found = await search(query.trim());
      if (id === request.current) setItems(found);
    } catch {
      // suggestions are optional: a failed search simply shows none
      if (id === request.current) setItems([]);
    } finally {
      if (id === request.current) setLoading(false);
    }
  }, 200);

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(key) => {
        const item = items.find((i) => itemKey(i) === key);
        if (item) onPick(item);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target autoComplete="off">
        <TextInput
          {...inputProps}
          value={value}
          onChange={(e) => {
            onChange(e.currentTarget.value);
            run(e.currentTarget.value);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onFocus={(e) => {
            // suggestions once there is something to search for: an empty field that merely got the
            // focus (e.g. a card just added) opens no list over the buttons around it
            if (value.trim()) {
              run(value);
              combobox.openDropdown();
            }
            onFocus?.(e);
          }}
          onBlur={(e) => {
            combobox.closeDropdown();
            onBlur?.(e);
          }}
          rightSection={loading ? <Loader size={14} /> : inputProps.rightSection}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={items.length === 0}>
        {dropdownTitle && <Combobox.Header>{dropdownTitle}</Combobox.Header>}
        <Combobox.Options mah={320} style={{ overflowY: 'auto' }}>
          {items.map((item) => (
            <Combobox.Option value={itemKey(item)} key={itemKey(item)}>
              {renderItem(item)}
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
