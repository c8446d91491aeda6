import { DEFAULT_THEME, Pagination, createTheme } from '@mantine/core';
import type { MantineColorsTuple } from '@mantine/core';
import { t } from '../shared/strings';

/**
 * The theme, chosen for contrast (WCAG 2.1 AA, 4.5:1 for text): Mantine's shade 6 of red, orange,
 * green and yellow is 2–3.3:1 on white, and its gray 6 for dimmed text 3.3:1. Every colour's filled,
 * text, outline and light-variant shade is shade 9; the few colours whose shade 9 still falls short
 * on their own light tint get a darker shade 9; dimmed text is gray 7.
 */
const darker = (name: string, shade9: string): MantineColorsTuple =>
  [...DEFAULT_THEME.colors[name]!.slice(0, 9), shade9] as unknown as MantineColorsTuple;

export const theme = createTheme({
  primaryColor: 'red',
  primaryShade: { light: 9, dark: 8 },
  defaultRadius: 'sm',
  colors: {
    // Red is the primary colour: its light buttons sit on striped table rows too.
    red: darker('red', '#b02525'),
    orange: darker('orange', '#b8410d'),
    yellow: darker('yellow', '#8f5400'),
    green: darker('green', '#22702f'),
    teal: darker('teal', '#086c55'),
    lime: darker('lime', '#4a7a0a'),
  },
  components: {
    // The arrows are icons: without a name a screen reader says only "button".
    Pagination: Pagination.extend({
      defaultProps: {
        getControlProps: (control) => ({ 'aria-label': t.paging[control] }),
        getItemProps: (page) => ({ 'aria-label': t.paging.page(page) }),
      },
    }),
  },
});

export const cssVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
