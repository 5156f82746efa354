#!/usr/bin/env node
// Parses .bicep/.bicepparam files with tree-sitter-bicep and prints one JSON report on stdout:
// {"files":[{"path":"...","errors":[{"kind":"ERROR"|"MISSING","type":"...","row":1,"column":1,"text":"..."}]}]}
// Rows and columns are 1-based. Usage: node parse-bicep.js FILE...
'use strict';
const fs = require('node:fs');
const Parser = require('tree-sitter');
const Bicep = require('tree-sitter-bicep');

const parser = new Parser();
parser.setLanguage(Bicep);

function collectErrors(node, errors) {
  if (node.type === 'ERROR' || node.isMissing) {
    errors.push({
      kind: node.isMissing ? 'MISSING' : 'ERROR',
      type: node.type,
      row: node.startPosition.row + 1,
      column: node.startPosition.column + 1,
      text: node.text.slice(0, 200),
    });
    if (node.type === 'ERROR') return;
  }
  if (!node.hasError && !node.isMissing) return;
  for (const child of node.children) collectErrors(child, errors);
}

// tree-sitter-bicep 1.1.0 knows .bicep only. In a .bicepparam file a `param name = value` assignment has the
// syntax of a variable declaration, so it is checked as one: `param` becomes `var  ` (same width, so reported
// columns stay true). The `using` statement is in the grammar.
function asBicep(path, source) {
  return path.endsWith('.bicepparam') ? source.replace(/^param(\s+[A-Za-z_][A-Za-z0-9_]*\s*=)/gm, 'var  $1') : source;
}

const files = process.argv.slice(2).map((path) => {
  const source = asBicep(path, fs.readFileSync(path, 'utf8'));
  // The node binding's default input buffer is small; size it to the file so long files parse whole.
  const tree = parser.parse(source, null, { bufferSize: Buffer.byteLength(source, 'utf8') * 2 + 1024 });
  const errors = [];
  collectErrors(tree.rootNode, errors);
  return { path, errors };
});

process.stdout.write(JSON.stringify({ files }) + '\n');
