// Builds the browser pages (dist/web) once before the tests, so a fresh clone's `npm test`
// serves the same /explore and /graphiql that `npm start` does.
const { buildWeb } = require('../scripts/build-web.js');

module.exports = async () => {
  await buildWeb();
};
