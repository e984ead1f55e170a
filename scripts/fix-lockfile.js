// @grafeo-db/js lists native packages for platforms the registry does not serve; `npm install`
// leaves them out of package-lock.json while still naming them, and `npm ci` then refuses the
// lock. Run after every `npm install` (npm run lock:fix): drops the names that have no entry.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
let dropped = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  if (!where.endsWith('@grafeo-db/js') || !entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!lock.packages[`node_modules/${name}`]) {
      delete entry.optionalDependencies[name];
      dropped++;
    }
  }
}
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock:fix: dropped ${dropped} unavailable optional package name(s)`);
