import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';
import classes from './theme.module.css';

/** The one Mantine theme; components take colours and spacing from here, never hex literals. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 under white button text is 4.1:1; WCAG AA asks 4.5:1 (axe runs in e2e).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Anchor: { defaultProps: { underline: 'hover' } },
    Alert: Alert.extend({ classNames: { title: classes.alertTitle } }),
  },
});

/** Mantine's default "dimmed" text is 3.3:1 on white and ~4:1 on dark: below WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
});
