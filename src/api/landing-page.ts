/**
 * The page browsers get on GET /graphql outside production: Apollo's Sandbox (loaded from
 * Apollo's CDN, so only online) with the example pre-filled, under a bar linking to the
 * self-hosted IDE and the explorer, which work offline.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Config } from '../config';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES, exampleHeaders } from './example';

function bar(graphiql: boolean, nonce: string): string {
  const ide = graphiql ? '<a href="/graphiql">GraphiQL (self-hosted, works offline)</a> · ' : '';
  // Apollo's page allows only styles with its nonce: the bar's style carries it too.
  return (
    `<style nonce="${nonce}">#kg-links{position:fixed;left:12px;bottom:12px;z-index:10000;font:14px system-ui,sans-serif;` +
    'padding:8px 12px;border-radius:6px;background:#1d2733;color:#fff;box-shadow:0 2px 8px #0005}#kg-links a{color:#9fd3ff}</style>' +
    `<div id="kg-links">news-kg: ${ide}<a href="/explore">the explorer</a> · Apollo Sandbox needs internet</div>`
  );
}

/** Apollo's local landing page with the example pre-filled and links to /graphiql and /explore. */
export function landingPage(config: Config): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    document: EXAMPLE_QUERY,
    variables: EXAMPLE_VARIABLES,
    headers: exampleHeaders(config),
  });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      if (!listener || !listener.renderLandingPage) return listener;
      const render = listener.renderLandingPage.bind(listener);
      return {
        ...listener,
        async renderLandingPage() {
          const page = await render();
          const html = typeof page.html === 'string' ? page.html : await page.html();
          const nonce = /'nonce-([^']+)'/.exec(html)?.[1] ?? '';
          return { html: html.replace(/<body[^>]*>/i, (body) => body + bar(config.graphiql, nonce)) };
        },
      };
    },
  };
}
