#!/usr/bin/env node
// Analyzes KQL queries with the official Kusto language service against our table schemas and functions, and
// prints what each query returns. Input (stdin, JSON):
//   {"tables":[{"name":"T","columns":[{"name":"C","type":"string"}]}],
//    "functions":[{"name":"F","parameters":"","body":"T | ..."}],
//    "queries":[{"id":"...","query":"..."}]}
// Output (stdout, JSON): {"results":[{"id":"...","columns":["C",...],"errors":["message",...]}]}
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dir = path.dirname(require.resolve('@kusto/language-service-next/package.json'));
require(path.join(dir, 'bridge.js'));
require(path.join(dir, 'Kusto.Language.Bridge.js'));
const K = global.Kusto.Language;
const S = K.Symbols;

// Kusto schema type names; DCR/table 'boolean' is Kusto 'bool'.
const kustoType = (type) => (type === 'boolean' ? 'bool' : type);

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const symbols = [
  ...input.tables.map((t) => new S.TableSymbol.$ctor7(
    t.name, '(' + t.columns.map((c) => `['${c.name}']:${kustoType(c.type)}`).join(', ') + ')', null)),
  ...(input.functions || []).map((f) => new S.FunctionSymbol.$ctor16(f.name, `(${f.parameters || ''})`, `{ ${f.body} }`, null)),
];
const globals = K.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor('sentinel', symbols));

const list = (collection) => Array.from({ length: collection.Count }, (_, i) => collection.getItem(i));
const results = input.queries.map(({ id, query }) => {
  const code = K.KustoCode.ParseAndAnalyze(query, globals);
  const errors = list(code.GetDiagnostics())
    .filter((d) => d.Severity === 'Error')
    .map((d) => `${d.Message} at ${d.Start}`);
  const type = code.ResultType;
  const columns = type && type.Columns ? list(type.Columns).map((c) => c.Name) : [];
  return { id, columns, errors };
});
process.stdout.write(JSON.stringify({ results }) + '\n');
