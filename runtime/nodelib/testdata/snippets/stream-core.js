const { Readable, Writable, Transform, PassThrough, pipeline, finished } = require('stream');
const doubler = new Transform({
  objectMode: true,
  transform(n, enc, cb) { this.push(n * 2); cb(); },
  flush(cb) { this.push('flushed'); cb(); },
});
const seen = [];
const sink = new Writable({ objectMode: true, write(chunk, enc, cb) { seen.push(chunk); cb(); } });
sink.on('finish', () => console.log('transformed', JSON.stringify(seen)));
Readable.from([1, 2, 3]).pipe(doubler).pipe(sink);
const pt = new PassThrough();
pt.setEncoding('utf8');
let s = '';
pt.on('data', (c) => { s += c; });
pt.on('end', () => console.log('passthrough', s));
pt.end('pass-through-data');
let i = 0;
const counter = new Readable({ read() { i++; this.push(i <= 3 ? `n${i};` : null); } });
const parts = [];
counter.on('data', (d) => parts.push(d.toString()));
counter.on('end', () => console.log('custom readable', parts.join(''), 'ended', counter.readableEnded));
const chunks = [];
pipeline(Readable.from(['a', 'b']), new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } }),
  new Writable({ write(c, e, cb) { chunks.push(c.toString()); cb(); } }), (err) => console.log('pipeline done', err, chunks.join('')));
const w = new Writable({ write(c, e, cb) { cb(new Error('write failed')); } });
w.on('error', (err) => console.log('writable error', err.message));
w.write('x');
finished(counter, (err) => console.log('finished', err));
console.log(require('util').inspect(new PassThrough(), { depth: 0 }).split('\n')[0]);
require('stream/promises').pipeline(Readable.from(['z']), new Writable({ write(c, e, cb) { cb(); } })).then(() => console.log('promises pipeline ok'));
