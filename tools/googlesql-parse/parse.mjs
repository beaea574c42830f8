// Parses GoogleSQL (BigQuery) statements with node-sql-parser's BigQuery grammar, independently of AetherSegment.
// Usage: node parse.mjs FILE.json   where FILE.json is an array of {"id": ..., "sql": ...}
// Prints one JSON line per statement: {"id", "ok", "error"?, "tables"?}; exits 1 when any statement fails to parse.
import { readFileSync } from 'node:fs';
import nodeSqlParser from 'node-sql-parser';

const { Parser } = nodeSqlParser;
const parser = new Parser();
const statements = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let failed = 0;
for (const { id, sql } of statements) {
  try {
    parser.astify(sql, { database: 'BigQuery' });
    const tables = parser.tableList(sql, { database: 'BigQuery' });
    console.log(JSON.stringify({ id, ok: true, tables }));
  } catch (error) {
    failed++;
    console.log(JSON.stringify({ id, ok: false, error: String(error.message ?? error).slice(0, 400) }));
  }
}
// exitCode, not process.exit(): exit() can cut off console output still being written to a pipe.
process.exitCode = failed === 0 ? 0 : 1;
