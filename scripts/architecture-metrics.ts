/**
 * The architecture's health in a few counts, for a tree as it stands:
 *   npx tsx scripts/architecture-metrics.ts [folder]
 * Vietnam offset copies, duplicated page helpers, raw queries inside services, files at the top of
 * src/services, hand-written response types in the web app, routes declared outside the contract.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? process.cwd());

function files(dir: string, out: string[] = []): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(e) && !/\.test\.ts$/.test(e)) out.push(p);
  }
  return out;
}

const src = files(join(root, 'src'));
const read = (f: string) => readFileSync(f, 'utf8');
const count = (re: RegExp, list = src) => list.reduce((n, f) => n + (read(f).match(re)?.length ?? 0), 0);
const filesWith = (re: RegExp, list = src) => list.filter((f) => re.test(read(f)));

const services = src.filter((f) => f.includes('/src/services/'));
const web = src.filter((f) => f.includes('/src/web/'));
const server = src.filter((f) => f.includes('/src/server/'));
const apiFile = web.find((f) => /\/api\.ts$/.test(f));

const figures: Record<string, number | string> = {
  'Vietnam offset written out (7 h in ms, +07:00)': count(
    /7 \* 60 \* 60 \* 1000|7 \* 3600(_000| \* 1000)|\+07:00/g,
  ),
  'files defining vnDate/vnTime/formatDate': filesWith(/(function|const) (vnDate|vnTime|formatDate)\b/)
    .length,
  'files defining errorText': filesWith(/(function|const) errorText\b/).length,
  'service files with raw Kysely queries': filesWith(
    /\.(selectFrom|insertInto|updateTable|deleteFrom)\(/,
    services,
  ).length,
  'raw Kysely queries in services': count(/\.(selectFrom|insertInto|updateTable|deleteFrom)\(/g, services),
  'files at the top of src/services (not index.ts)': readdirSync(join(root, 'src/services')).filter(
    (f) => f.endsWith('.ts') && f !== 'index.ts',
  ).length,
  'hand-written interfaces in the web api module': apiFile
    ? count(/^export (interface|type) /gm, [apiFile])
    : 0,
  '`as T` / `data as` casts of answers in the web app': count(/api\.(get|post|upload)<|data as T/g, web),
  'routes declared with JSON schemas (app.get/post/...)': count(
    /app\.(get|post|put|patch|delete)(<|\()/g,
    server,
  ),
  'routes declared from the contract (route(...))': count(/\broute\(app, ctx,/g, server),
  'useState calls in the web app': count(/useState[<(]/g, web),
};
for (const [k, v] of Object.entries(figures)) console.log(`${String(v).padStart(6)}  ${k}`);
console.log(`(${relative(process.cwd(), root) || '.'})`);
