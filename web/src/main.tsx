import '@mantine/core/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { App } from './App.tsx';

// Mantine's default "dimmed" grey and its light yellow/orange/green/blue/gray text are below WCAG AA contrast: darker shades.
const resolver: CSSVariablesResolver = () => ({ variables: {}, light: {
    '--mantine-color-dimmed': '#555a61',
    '--mantine-color-error': '#b02020',
    '--mantine-color-yellow-light-color': '#6b4200',
    '--mantine-color-orange-light-color': '#8f3600',
    '--mantine-color-green-light-color': '#1d6330',
    '--mantine-color-red-light-color': '#b02020',
    '--mantine-color-blue-light-color': '#17508a',
    '--mantine-color-gray-light-color': '#454a51',
  }, dark: {
    // Mantine's dark "dimmed" (#828282 on #242424) is below 4.5:1.
    '--mantine-color-dimmed': '#a8a8a8',
    // Its dark error red (#e03131 on #242424 and on the inputs' #2e2e2e) too: field messages in a lighter red.
    '--mantine-color-error': '#ff8787',
  } });

// The darkest shades keep white button text and coloured badge text above 4.5:1. Badges read as words ("Leaked",
// "Succeeded"), in the case they are written, not in capitals that look like the API's enum names.
const theme = createTheme({ primaryShade: 9, components: { Badge: { defaultProps: { tt: 'none' } } } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Light or dark as the system says (prefers-color-scheme). */}
    <MantineProvider defaultColorScheme="auto" cssVariablesResolver={resolver} theme={theme}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
