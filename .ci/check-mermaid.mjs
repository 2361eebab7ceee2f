// Parses every ```mermaid block of the given Markdown files with the mermaid package itself (the parser GitHub
// renders with), so a diagram that would show an error box fails CI. mermaid needs a DOM even to parse
// (DOMPurify); jsdom provides one without a browser. Usage: node .ci/check-mermaid.mjs <file.md>...
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const { window } = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = window;
globalThis.document = window.document;
for (const key of ['Element', 'HTMLElement', 'SVGElement', 'Node', 'DOMParser', 'getComputedStyle']) {
  if (!(key in globalThis)) globalThis[key] = window[key];
}
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

let blocks = 0;
let failures = 0;
for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```mermaid') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    blocks++;
    try {
      await mermaid.parse(lines.slice(start, end).join('\n'));
    } catch (e) {
      failures++;
      console.error(`${file}:${start}: mermaid block does not parse: ${String(e.message ?? e).split('\n').slice(0, 4).join(' ')}`);
    }
    i = end;
  }
}
console.log(`mermaid: ${blocks} block(s) in ${process.argv.length - 2} file(s), ${failures} failed`);
process.exit(failures === 0 && blocks > 0 ? 0 : 1);
