/**
 * `kg help COMMAND` and `kg COMMAND --help`: one screen per command, with its options and an example.
 */

/** The help of each command, by name. */
export const COMMAND_HELP: Record<string, string> = {
  serve: `kg serve [--ingest PATH]... [--port N] [--host ADDR]

Serve the GraphQL API at http://HOST:PORT/graphql (with /explore, /graphiql and /health),
ingesting the PATHs first.

Options:
  --ingest PATH   ingest a file or directory before serving (repeatable)
  --port N        port to listen on (overrides PORT; default 4000; 0 picks a free port)
  --host ADDR     address to listen on (overrides HOST; 127.0.0.1 for this machine only)

The embedded store is single-process: while kg serve runs, add articles through the API
(the ingestArticle mutation), not with kg ingest.

Example:
  kg serve --ingest seeds --port 5000 --host 127.0.0.1`,

  ingest: `kg ingest PATH...

Extract and store articles from files or directories (read recursively, in name order).
Each file is detected by its content:
  plain text      one page (several articles when separated by their headlines)
  HTML            one page: title, byline, date and body from the markup
  JSONL           one article per line: {"text": ..., "title"?, "id"?, "url"?, "publishedAt"?, "source"?}
  JSON array      [{"text": ..., "title"?, ...}, ...]: one article per record
A bad file or record is reported (and the exit status is 1); the rest is still stored.
On a terminal a progress bar shows articles, articles/s and errors; otherwise one summary line.

Example:
  kg ingest seeds my-articles.jsonl exports/`,

  extract: `kg extract FILE...
kg extract --jsonl [FILE|-]

Print what extraction finds, as JSON, storing nothing. With --jsonl, each input line
{id, text, title?, publishedAt?} is one document and gives one output line
{id, title, publishedAt, entities, events, warnings}, in order.

Example:
  kg extract seeds`,

  reindex: `kg reindex

Rebuild every derived fact (entities, events, evidence) from the stored article texts with
the current extractor.`,

  parse: `kg parse [FILE|-]
kg parse --conllu FILE

Print part-of-speech tags and dependency trees of text as CoNLL-U; with --conllu, re-predict
UPOS, XPOS, HEAD and DEPREL of a CoNLL-U file, keeping its tokens and other columns.

Example:
  echo "Zelensky met Kellogg in Kyiv." | kg parse`,

  eval: `kg eval ner|events|syntax [--data DIR] [--json]
kg eval pairs --gold JUDGED.jsonl --articles ARTICLES.jsonl [--list] [--json]

Score the extractor against gold data (CoNLL-2003, the seed expectations, WikiEvents, RAMS,
M2E2; UD English EWT for syntax) found under DIR; or its who-met-whom pairs against a reader's
judgement of some articles (one JSON line per article: {id, events: [{type, participants, locator}]}).

Options:
  --data DIR       where the gold data sets are
  --gold FILE      the seed expectations (ner, events) or the judged events (pairs)
  --articles FILE  the judged articles, one JSON line each {id, title?, text} (pairs)
  --list           print every pair missed and every pair the reader does not list (pairs)
  --json           print the scores as JSON`,

  help: `kg help [COMMAND]

Show the list of commands, or one command's help (same as kg COMMAND --help).`,
};
