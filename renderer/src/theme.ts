import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'red',
  fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif',
  fontFamilyMonospace: '"Noto Sans Mono CJK SC", "Consolas", monospace',
  defaultRadius: 'sm',
});
