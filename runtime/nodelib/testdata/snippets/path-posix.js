// path.posix's normalize, join, resolve and relative on generated inputs, against node: every
// string of up to 7 chars over '/', '.', 'a' (all the states of normalizeString), then seeded
// random strings made of separators, dots, '..', letters, non-ASCII (BMP, astral, lone
// surrogates), backslashes, NUL and empty pieces. Each group prints its case count and a
// sha256 of all its results; `node path-posix.js --cases` (or studio run) prints every case,
// to diff when a digest differs. Also: node's errors for non-strings, and join and resolve
// going through a replaced path.normalize and process.cwd as node's do.
const path = require('path');
const crypto = require('crypto');
const verbose = process.argv.includes('--cases');
const posix = path.posix;

// A relative cwd covers normalizeString's allowAboveRoot in resolve; an absolute one the rest.
let cwd = '/home/u/./w//x';
process.cwd = () => cwd;

function group(name, cases) {
  const hash = crypto.createHash('sha256');
  let n = 0;
  for (const [fn, args] of cases) {
    let out;
    try {
      out = JSON.stringify(posix[fn](...args));
    } catch (e) {
      out = `${e.name} ${e.code} ${e.message}`;
    }
    const line = `${fn}(${args.map((a) => JSON.stringify(a)).join(', ')}) = ${out}\n`;
    hash.update(line, 'utf16le');
    n++;
    if (verbose) process.stdout.write(line);
  }
  console.log(name, n, hash.digest('hex'));
}

// Every string over '/', '.', 'a' up to length 7.
const small = [''];
for (let len = 1, level = ['']; len <= 7; len++) {
  const next = [];
  for (const s of level) for (const c of ['/', '.', 'a']) next.push(s + c);
  small.push(...next);
  level = next;
}
group('normalize exhaustive', small.map((s) => ['normalize', [s]]));
group('resolve exhaustive', small.map((s) => ['resolve', [s]]));
group('join exhaustive', small.map((s, i) => ['join', [small[(i * 7919) % small.length], s]]));

// mulberry32: the same sequence on any engine.
let seed = 20240611;
function rand(n) {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (((t ^ (t >>> 14)) >>> 0) % n);
}
const pieces = ['/', '/', '/', '.', '.', '..', '...', 'a', 'bc', 'node_modules', 'é', 'ü/', '\u{1F600}',
  '\ud800', '\udc00', '\\', ' ', '', '\0', '//', './', '../', '/..', '.a', 'a.'];
function randomPath() {
  let s = '';
  for (let k = rand(10); k > 0; k--) s += pieces[rand(pieces.length)];
  return s;
}
function randomArgs() {
  const args = [];
  for (let k = rand(5); k > 0; k--) args.push(randomPath());
  return args;
}
const randomCases = [];
for (let i = 0; i < 3000; i++) randomCases.push(['normalize', [randomPath()]]);
for (let i = 0; i < 3000; i++) randomCases.push(['join', randomArgs()]);
for (let i = 0; i < 2000; i++) randomCases.push(['resolve', randomArgs()]);
for (let i = 0; i < 1000; i++) randomCases.push(['relative', [randomPath(), randomPath()]]);
group('random', randomCases);
cwd = 'rel/../../w';
group('random, relative cwd', randomCases.filter(([fn]) => fn === 'resolve' || fn === 'relative'));
cwd = '/home/u/./w//x';

// Spelled out: edge cases and errors.
const show = (fn, ...args) => {
  let out;
  try {
    out = JSON.stringify(posix[fn](...args));
  } catch (e) {
    out = `${e.name} ${e.code} ${e.message}`;
  }
  console.log(`${fn}(${args.map((a) => typeof a === 'string' ? JSON.stringify(a) : String(a)).join(', ')}) = ${out}`);
};
show('join');
show('join', '');
show('join', '', '');
show('join', '/', '..', '..', 'x/');
show('join', 'a', 1);
show('join', 'a', '', null, 2);
show('join', 1, 'a');
show('join', new String('a'));
show('normalize', '');
show('normalize', './');
show('normalize', '/..//./');
show('normalize', '\ud800/../\udfff/.');
show('normalize', undefined);
show('normalize', Symbol('s'));
show('resolve');
show('resolve', 1, '/abs');
show('resolve', 'a', 1);
show('resolve', '', '');
show('relative', '/a/b', 1);
console.log(path === posix, path.join.length, path.join.name, path.normalize.length, path.resolve.name);

// node's join ends with posix.normalize and resolve asks process.cwd(): both may be replaced.
const normalize = path.normalize;
path.normalize = (p) => `normalize(${p})`;
show('join', 'a', 'b/../c');
path.normalize = normalize;
show('join', 'a', 'b/../c');
process.cwd = () => 'relative/cwd/..';
show('resolve', 'x', '..', '..', '..');
process.cwd = () => '';
show('resolve', '');
