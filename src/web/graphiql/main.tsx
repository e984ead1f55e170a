/**
 * The self-hosted GraphQL IDE: GraphiQL bundled by esbuild, pre-filled with the README's example
 * query and variables (the server puts them in the page's #kg-settings block), with the schema
 * docs and a headers tab for the API keys.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createRoot } from 'react-dom/client';
import './style.css';

interface Settings {
  endpoint: string;
  query: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

function settings(): Settings {
  const block = document.getElementById('kg-settings');
  return JSON.parse(block?.textContent ?? '{}') as Settings;
}

const s = settings();
const fetcher = createGraphiQLFetcher({ url: new URL(s.endpoint, location.href).toString() });
const headers = Object.keys(s.headers).length ? JSON.stringify(s.headers, null, 2) : undefined;
const root = document.getElementById('graphiql')!;
root.textContent = '';

createRoot(root).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={s.query}
    query={s.query}
    variables={JSON.stringify(s.variables, null, 2)}
    headers={headers}
    isHeadersEditorEnabled
    defaultEditorToolsVisibility={headers ? 'headers' : 'variables'}
    shouldPersistHeaders={false}
  >
    <GraphiQL.Logo>
      news-kg <a href="/explore">explorer</a>
    </GraphiQL.Logo>
  </GraphiQL>,
);
