/** A bare React + Fluent UI page, built with the task pane's webpack options, to compare the
 * pane's bundle size and time to first render against (see browser.test.ts). */
import { Button, FluentProvider, Tab, TabList, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

function Bare() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12 }}>
        <h1>Bare</h1>
        <TabList defaultSelectedValue="a">
          <Tab value="a">A</Tab>
          <Tab value="b">B</Tab>
        </TabList>
        <Button appearance="primary" data-testid="bare-button">
          Button
        </Button>
      </main>
    </FluentProvider>
  );
}

Office.onReady(() => {
  const el = document.getElementById('root');
  if (el) createRoot(el).render(<Bare />);
});
