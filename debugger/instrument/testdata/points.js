// points.js prints where the instrumenter must put hooks in a script, from
// acorn (Node's own parser), independently of goja's AST:
//
//	node --expose-internals testdata/points.js FILE [wrapped]
//
// Each line is "KIND OFFSET": KIND is S (statement), L (first statement of
// a loop body, which also polls), E (a loop body with no statement to put
// the poll before: at its '{' or ';'), A (an arrow function's expression
// body, parentheses included), B (a for-of or for-in loop's binding, where
// V8 stops once per iteration; the hook is first in the body) or H (a
// loop's test or update, where V8
// stops: a binary or postfix expression's operator, else its start; a
// while or do-while loop, or a for loop without initializer, has no S of
// its own, as in V8); OFFSET is a byte offset in FILE.
// TestGolden -update records it as NAME.points (TestPackages -update for testdata/packages).
'use strict';
const fs = require('fs');
const acorn = require('internal/deps/acorn/acorn/dist/acorn');

const src = fs.readFileSync(process.argv[2], 'utf8');
const wrapped = process.argv[3] === 'wrapped';
const ast = acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'script', preserveParens: true, allowHashBang: true });
const out = [];
const bytes = (i) => Buffer.byteLength(src.slice(0, i));
const point = (kind, node) => out.push([bytes(node.start), kind]);

const isDirective = (s) => s.type === 'ExpressionStatement' && typeof s.directive === 'string';
const isLoop = (s) => /^(For|ForIn|ForOf|While|DoWhile)Statement$/.test(s.type);

// list walks a statement list; loop says it is a loop body's block.
function list(stmts, directives, loop, block) {
  let i = 0;
  if (directives) while (i < stmts.length && isDirective(stmts[i])) { node(stmts[i].expression); i++; }
  let first = loop;
  for (; i < stmts.length; i++) {
    const s = stmts[i];
    if (first && s.type !== 'FunctionDeclaration') {
      if (s.type === 'BlockStatement' || s.type === 'EmptyStatement') point('E', block);
      stmt(s, true);
      first = false;
      continue;
    }
    stmt(s, false);
  }
  if (first) point('E', block);
}

function stmt(s, loopFirst) {
  switch (s.type) {
    case 'FunctionDeclaration': case 'EmptyStatement': case 'BlockStatement':
      break;
    case 'WhileStatement': case 'DoWhileStatement': case 'ForStatement':
      // V8 stops at the test, not before the loop; the first statement of
      // a loop body keeps its hook (it polls).
      if (!loopFirst && (s.type !== 'ForStatement' || !s.init)) break;
      // fall through
    default:
      point(loopFirst ? 'L' : 'S', s);
  }
  inner(s);
}

// body is a statement in a single-statement position.
function body(s, loop) {
  if (s.type === 'BlockStatement') { list(s.body, false, loop, s); return; }
  if (s.type === 'EmptyStatement') { if (loop) point('E', s); return; }
  stmt(s, loop);
}

function inner(s) {
  switch (s.type) {
    case 'BlockStatement': list(s.body, false, false, s); return;
    case 'IfStatement': node(s.test); body(s.consequent, false); if (s.alternate) body(s.alternate, false); return;
    case 'ForStatement': node(s.init); head(s.test); node(s.test); head(s.update); node(s.update); body(s.body, true); return;
    case 'ForInStatement': case 'ForOfStatement':
      node(s.left); node(s.right);
      if (s.body.type !== 'EmptyStatement') {
        let b = s.left.type === 'VariableDeclaration' ? s.left.declarations[0].id : s.left;
        while (b.type === 'ParenthesizedExpression') b = b.expression;
        out.push([bytes(leftmost(b)), 'B']);
      }
      body(s.body, true);
      return;
    case 'WhileStatement': head(s.test); node(s.test); body(s.body, true); return;
    case 'DoWhileStatement': body(s.body, true); head(s.test); node(s.test); return;
    case 'WithStatement': node(s.object); body(s.body, false); return;
    case 'LabeledStatement': inner(s.body); return;
    case 'SwitchStatement': node(s.discriminant); for (const c of s.cases) { node(c.test); list(c.consequent, false, false); } return;
    case 'TryStatement':
      list(s.block.body, false, false, s.block);
      if (s.handler) { node(s.handler.param); list(s.handler.body.body, false, false, s.handler.body); }
      if (s.finalizer) list(s.finalizer.body, false, false, s.finalizer);
      return;
    default: node(s);
  }
}

// head is a loop's test or update: V8's stop is a binary (or logical)
// expression's operator, a postfix update's operator, else the start.
function head(e) {
  if (!e) return;
  while (e.type === 'ParenthesizedExpression') e = e.expression;
  let at = e.start;
  const after = (n) => {
    let i = n.end;
    for (;;) {
      if (/\s|\)/.test(src[i])) { i++; continue; }
      if (src.startsWith('//', i)) { i = src.indexOf('\n', i); continue; }
      if (src.startsWith('/*', i)) { i = src.indexOf('*/', i) + 2; continue; }
      return i;
    }
  };
  if (e.type === 'BinaryExpression' || e.type === 'LogicalExpression') at = after(e.left);
  else if (e.type === 'UpdateExpression' && !e.prefix) at = after(e.argument);
  else { while (e.type === 'ParenthesizedExpression') e = e.expression; at = leftmost(e); }
  out.push([bytes(at), 'H']);
}

// leftmost is where goja places an expression: at its leftmost operand.
function leftmost(e) {
  for (;;) {
    switch (e.type) {
      case 'CallExpression': e = e.callee; continue;
      case 'MemberExpression': e = e.object; continue;
      case 'TaggedTemplateExpression': e = e.tag; continue;
      case 'ConditionalExpression': e = e.test; continue;
      case 'SequenceExpression': e = e.expressions[0]; continue;
      case 'AssignmentExpression': case 'BinaryExpression': case 'LogicalExpression': e = e.left; continue;
      case 'ChainExpression': e = e.expression; continue;
      case 'UpdateExpression': if (!e.prefix) { e = e.argument; continue; } return e.start;
      case 'ParenthesizedExpression': return e.start;
      default: return e.start;
    }
  }
}

// node walks an expression (or a declaration) for the functions in it.
function node(n) {
  if (!n || typeof n.type !== 'string') return;
  switch (n.type) {
    case 'FunctionDeclaration': case 'FunctionExpression':
      for (const p of n.params) node(p);
      list(n.body.body, true, false, n.body);
      return;
    case 'ArrowFunctionExpression':
      for (const p of n.params) node(p);
      if (n.expression) { point('A', n.body); node(n.body); } else list(n.body.body, true, false, n.body);
      return;
    case 'StaticBlock':
      list(n.body, false, false, n);
      return;
  }
  for (const k of Object.keys(n)) {
    const v = n[k];
    if (Array.isArray(v)) v.forEach(node);
    else if (v && typeof v.type === 'string') node(v);
  }
}

if (wrapped) {
  const fn = ast.body[0].expression.type === 'ParenthesizedExpression' ? ast.body[0].expression.expression : ast.body[0].expression;
  for (const p of fn.params) node(p);
  list(fn.body.body, true, false, fn.body);
} else {
  list(ast.body, true, false, ast);
}
out.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
process.stdout.write(out.map(([o, k]) => `${k} ${o}\n`).join(''));
