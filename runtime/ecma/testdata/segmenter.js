// Grapheme clusters of pseudo-random strings built from the characters
// that exercise UAX #29's rules; the generator is deterministic, so node
// and Studio segment the same strings.
const pool = ['a', 'b', '\r', '\n', '\t', '\u0301', '\u0308', '\u200d', '\u200c', '\u{1F44D}', '\u{1F3FD}', '\u{1F468}', '\u{1F469}', '\u2764', '\uFE0F',
	'\u{1F1FA}', '\u{1F1F8}', '\u{1F1E9}', '\u1100', '\u1161', '\u11A8', '\uAC00', '\uAC01', '\u0915', '\u094D', '\u0937', '\u093F', '\u0903',
	'\u0600', '\u0e33', '\u0e01', '\u00ad', '\u{E0001}', '\u{E0067}', '\u{1F3F4}', 'é', '\u0627', '\u0644', ' ', '\u{10FFFD}'];
let seed = 12345;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const seg = new Intl.Segmenter('en');
const lines = [];
for (let i = 0; i < 400; i++) {
	let s = '';
	const len = 1 + rand(8);
	for (let j = 0; j < len; j++) s += pool[rand(pool.length)];
	lines.push([...seg.segment(s)].map((x) => x.index).join(','));
}
console.log(lines.join('\n'));
const t = (s) => { try { const v = eval(s); console.log(s, '=>', typeof v === 'string' ? JSON.stringify(v) : (v && typeof v === 'object') ? JSON.stringify(v) : String(v)); } catch (e) { console.log(s, '=>', e.constructor.name + ': ' + e.message); } };
[
'[...new Intl.Segmenter().segment("👨‍👩‍👧‍👦 héllo 🇺🇸")].map(s => s.segment)', '[...new Intl.Segmenter("en", {granularity: "grapheme"}).segment("e\u0301")].length',
'new Intl.Segmenter().segment("abc").containing(1)', 'new Intl.Segmenter().segment("abc").containing(3)', 'new Intl.Segmenter().segment("a👍🏽b").containing(2)',
'[...new Intl.Segmenter().segment("")].length', 'new Intl.Segmenter().resolvedOptions()', 'Intl.Segmenter()', 'new Intl.Segmenter("en", {granularity: "line"})',
'Object.prototype.toString.call(new Intl.Segmenter())', 'Object.prototype.toString.call(new Intl.Segmenter().segment("a")[Symbol.iterator]())',
'[...new Intl.Segmenter().segment("क्षि")].length', '[...new Intl.Segmenter().segment(String.fromCharCode(13, 10, 10))].map(s => s.index)',
].forEach(t);
