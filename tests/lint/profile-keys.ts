/**
 * Which fields of a RuleProfile does the code read? A field of the profile schema counts as read
 * when a property access or destructuring outside the rules' own definitions resolves to it through
 * the type checker (so `minSize` of the counting team is not confused with any other `minSize`).
 * Display-only readers (the rules page and the rules document) and the profiles' data files do not count.
 */
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '../..');
const schemaFile = path.join(root, 'src/domain/rules/schema.ts');

/** Files that describe or print the profiles rather than obey them. */
const notReaders = [
  /src\/domain\/rules\/(schema|doc|build|overrides|citation|establishment-values|index)\.ts$/,
  /src\/domain\/rules\/[a-z]+-[a-z]+-?\d{4}\.ts$/,
  /src\/domain\/rules\/nd59-2023\.ts$/,
  /src\/services\/rules\//,
  /\.test\.tsx?$/,
];

export interface FieldUse {
  /** Dotted path from the profile root, e.g. `countingTeam.value.minSize`. */
  path: string;
  readers: string[];
}

function program(): ts.Program {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = parsed.fileNames.filter((f) => f.includes('/src/'));
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}

/** The property declarations of ruleProfileSchema's object literal, by dotted path. */
function schemaFields(source: ts.SourceFile): Map<ts.Node, string> {
  const fields = new Map<ts.Node, string>();
  const consts = new Map<string, ts.Expression>();
  const params = new Map<string, string>(); // function name -> param name forwarded as `value`
  for (const st of source.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
      }
    }
    if (ts.isFunctionDeclaration(st) && st.name && st.parameters[0]) {
      params.set(st.name.text, (st.parameters[0].name as ts.Identifier).text);
    }
  }
  const walk = (expr: ts.Expression, prefix: string, depth: number): void => {
    if (depth > 8) return;
    if (ts.isIdentifier(expr)) {
      const target = consts.get(expr.text);
      if (target && !expr.text.endsWith('Schema')) walk(target, prefix, depth + 1);
      else if (
        target &&
        /^(winnerRule|removalProcedure|removalTrigger|timelineStep|threshold)Schema$/.test(expr.text)
      )
        walk(target, prefix, depth + 1);
      return;
    }
    if (ts.isCallExpression(expr)) {
      const callee = expr.expression;
      if (ts.isIdentifier(callee) && callee.text === 'param' && expr.arguments[0]) {
        walk(expr.arguments[0], `${prefix}value.`, depth + 1);
        return;
      }
      if (ts.isIdentifier(callee) && callee.text === 'perForm' && expr.arguments[0]) {
        walk(expr.arguments[0], `${prefix}<form>.`, depth + 1);
        return;
      }
      if (ts.isPropertyAccessExpression(callee)) {
        const name = callee.name.text;
        if (name === 'object' && expr.arguments[0] && ts.isObjectLiteralExpression(expr.arguments[0])) {
          for (const p of expr.arguments[0].properties) {
            if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
            const key = (p.name as ts.Identifier).text;
            fields.set(p, `${prefix}${key}`);
            if (ts.isPropertyAssignment(p)) walk(p.initializer, `${prefix}${key}.`, depth + 1);
            else walk(p.name, `${prefix}${key}.`, depth + 1);
          }
          return;
        }
        if (name === 'array' && expr.arguments[0]) {
          walk(expr.arguments[0], `${prefix}[].`, depth + 1);
          return;
        }
        walk(callee.expression, prefix, depth + 1);
      }
    }
  };
  const profile = consts.get('ruleProfileSchema');
  if (!profile) throw new Error('ruleProfileSchema not found');
  walk(profile, '', 0);
  return fields;
}

export function profileFieldUses(): FieldUse[] {
  const prog = program();
  const checker = prog.getTypeChecker();
  const schema = prog.getSourceFile(schemaFile);
  if (!schema) throw new Error('schema not in program');
  const fields = schemaFields(schema);
  const readers = new Map<string, Set<string>>();
  for (const p of fields.values()) readers.set(p, new Set());
  const note = (sym: ts.Symbol | undefined, file: string) => {
    for (const d of sym?.declarations ?? []) {
      const p = fields.get(d);
      if (p) readers.get(p)?.add(path.relative(root, file));
    }
  };
  for (const sf of prog.getSourceFiles()) {
    if (!sf.fileName.startsWith(path.join(root, 'src/'))) continue;
    if (notReaders.some((r) => r.test(sf.fileName))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) note(checker.getSymbolAtLocation(n.name), sf.fileName);
      else if (ts.isElementAccessExpression(n) && ts.isStringLiteral(n.argumentExpression))
        note(checker.getSymbolAtLocation(n.argumentExpression), sf.fileName);
      else if (ts.isBindingElement(n) && ts.isObjectBindingPattern(n.parent)) {
        const name = (n.propertyName ?? n.name) as ts.Node;
        if (ts.isIdentifier(name)) {
          const t = checker.getTypeAtLocation(n.parent);
          note(t.getProperty(name.text), sf.fileName);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return [...readers].map(([p, r]) => ({ path: p, readers: [...r].sort() }));
}
