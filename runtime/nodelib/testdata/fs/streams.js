// fs.createWriteStream / createReadStream (node's own stream JS over the binding): events,
// highWaterMark chunking, ranges, errors, pipe through a Transform, and FileHandle streams.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
const { Transform, pipeline } = require('stream');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodelib-fs-stream-'));
const rel = (s) => String(s).split(dir).join('<dir>');
const file = path.join(dir, 'out.txt');
const steps = [
  (next) => {
    const ws = fs.createWriteStream(file);
    ws.write('alpha\n');
    ws.write(Buffer.from('beta\n'));
    ws.end('gamma\n', () => console.log('end callback'));
    ws.on('finish', () => console.log('finish', ws.bytesWritten));
    ws.on('close', () => { console.log('write close'); next(); });
  },
  (next) => {
    const rs = fs.createReadStream(file, { highWaterMark: 4 });
    const sizes = [];
    rs.on('open', (fd) => console.log('open', typeof fd));
    rs.on('ready', () => console.log('ready'));
    rs.on('data', (c) => sizes.push(c.length));
    rs.on('end', () => console.log('end', sizes.join(',')));
    rs.on('close', () => { console.log('read close', rs.bytesRead); next(); });
  },
  (next) => {
    const text = [];
    fs.createReadStream(file, { encoding: 'utf8', start: 6, end: 9 })
      .on('data', (s) => text.push(s))
      .on('end', () => { console.log('range', JSON.stringify(text.join(''))); next(); });
  },
  (next) => {
    fs.createReadStream(path.join(dir, 'missing'))
      .on('error', (e) => console.log('read error', rel(e.message)))
      .on('close', () => { console.log('error close'); next(); });
  },
  (next) => {
    fs.createWriteStream(dir).on('error', (e) => { console.log('write error', rel(e.message)); next(); });
  },
  (next) => {
    const upper = new Transform({ transform(chunk, enc, cb) { cb(null, chunk.toString().toUpperCase()); } });
    const dst = path.join(dir, 'dst.txt');
    pipeline(fs.createReadStream(file, { highWaterMark: 3 }), upper, fs.createWriteStream(dst), (err) => {
      console.log('pipeline', err, JSON.stringify(fs.readFileSync(dst, 'utf8')));
      next();
    });
  },
  (next) => {
    fs.createWriteStream(file, { flags: 'a' }).end('delta\n').on('close', () => {
      console.log('append', JSON.stringify(fs.readFileSync(file, 'utf8')));
      next();
    });
  },
  (next) => {
    fsp.open(file).then((fh) => {
      const parts = [];
      fh.createReadStream({ start: 0, end: 4 }).on('data', (c) => parts.push(String(c))).on('close', () => {
        console.log('handle stream', parts.join(''), fh.fd);
        next();
      });
    });
  },
  (next) => { fs.rmSync(dir, { recursive: true }); console.log('removed', fs.existsSync(dir)); next(); },
];
(function run(i) { if (i < steps.length) steps[i](() => run(i + 1)); })(0);
