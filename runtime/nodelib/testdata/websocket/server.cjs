// A WebSocket server for the testdata/websocket programs, on node's http 'upgrade' event and
// raw RFC 6455 frames (node has no ws server module). It listens on 127.0.0.1 port 0; what it
// does with a connection is chosen by the request path (see handle). Its observations go to
// server.log, which the programs print at the end, so that the server's and the client's
// output never interleave by scheduling.
'use strict';
const http = require('http');
const crypto = require('crypto');
const zlib = require('zlib');

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

// frame encodes one unmasked server frame; fin defaults to true.
function frame(opcode, payload, { fin = true, rsv1 = false } = {}) {
  payload = Buffer.from(payload);
  const len = payload.length;
  let head;
  if (len < 126) {
    head = Buffer.from([0, len]);
  } else if (len < 65536) {
    head = Buffer.alloc(4);
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else {
    head = Buffer.alloc(10);
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  head[0] = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode;
  return Buffer.concat([head, payload]);
}

function closeFrame(code, reason = '') {
  if (code === undefined) return frame(8, Buffer.alloc(0));
  const body = Buffer.alloc(2 + Buffer.byteLength(reason));
  body.writeUInt16BE(code, 0);
  body.write(reason, 2);
  return frame(8, body);
}

// unmask copies a masked payload and unmasks it eight bytes at a time (a byte loop takes the
// runtime under test, with the race detector, seconds for 1 MiB).
function unmask(data, mask) {
  const words = new BigUint64Array(Math.ceil(data.length / 8));
  const bytes = new Uint8Array(words.buffer);
  bytes.set(data);
  const key8 = new Uint8Array(8);
  key8.set(mask);
  key8.set(mask, 4);
  const key = new BigUint64Array(key8.buffer)[0];
  for (let i = 0; i < words.length; i++) words[i] ^= key;
  return Buffer.from(words.buffer, 0, data.length);
}

// reader parses the client's (masked) frames from a socket's data events. Chunks are joined
// only once a whole frame (or header) has arrived.
function reader(socket, onFrame) {
  let chunks = [];
  let total = 0;
  let need = 2;
  socket.on('data', (d) => {
    chunks.push(d);
    total += d.length;
    if (total < need) return;
    let buf = Buffer.concat(chunks, total);
    for (;;) {
      need = 2;
      if (buf.length < need) break;
      const fin = (buf[0] & 0x80) !== 0;
      const opcode = buf[0] & 0x0f;
      const masked = (buf[1] & 0x80) !== 0;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) {
        need = 4;
        if (buf.length < need) break;
        len = buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        need = 10;
        if (buf.length < need) break;
        len = Number(buf.readBigUInt64BE(2));
        off = 10;
      }
      const mask = masked ? buf.subarray(off, off + 4) : null;
      if (masked) off += 4;
      need = off + len;
      if (buf.length < need) break;
      const body = buf.subarray(off, off + len);
      const payload = masked ? unmask(body, mask) : Buffer.from(body);
      buf = buf.subarray(off + len);
      onFrame({ fin, opcode, masked, payload });
    }
    chunks = buf.length > 0 ? [buf] : [];
    total = buf.length;
  });
}

function describe(f) {
  const kind = { 1: 'text', 2: 'binary', 8: 'close', 9: 'ping', 10: 'pong' }[f.opcode] || `op${f.opcode}`;
  if (f.opcode === 1) {
    const s = f.payload.toString();
    return `${kind} ${s.length > 40 ? s.length + ' chars' : JSON.stringify(s)}`;
  }
  if (f.opcode === 8) {
    if (f.payload.length < 2) return 'close (no code)';
    return `close ${f.payload.readUInt16BE(0)} ${JSON.stringify(f.payload.subarray(2).toString())}`;
  }
  const sum = crypto.createHash('sha256').update(f.payload).digest('hex').slice(0, 16);
  return `${kind} ${f.payload.length} bytes${f.payload.length > 8 ? ' sha256:' + sum : ' ' + f.payload.toString('hex')}`;
}

function start(callback) {
  const log = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.log = log;
  server.on('upgrade', (req, socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', (err) => log.push(`socket error ${err.code}`));
    const url = new URL(req.url, 'http://x');
    log.push(`upgrade ${url.pathname} version=${req.headers['sec-websocket-version']}` +
      ` protocols=${JSON.stringify(req.headers['sec-websocket-protocol'] ?? null)}` +
      ` extensions=${JSON.stringify(req.headers['sec-websocket-extensions'] ?? null)}`);
    handle(url, req, socket, log);
  });
  // closeAll ends the listening socket; connections the server still holds are destroyed.
  server.closeAll = (cb) => {
    for (const s of sockets) s.destroy();
    server.close(cb);
  };
  server.listen(0, '127.0.0.1', () => callback(server, `ws://127.0.0.1:${server.address().port}`));
  return server;
}

function accept(req, socket, extra = '') {
  const key = crypto.createHash('sha1').update(req.headers['sec-websocket-key'] + GUID).digest('base64');
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    `Sec-WebSocket-Accept: ${key}\r\n${extra}\r\n`);
}

// echoFrames echoes text and binary frames, answers a close frame with the same code and
// reason and then ends the connection, as a server completing the closing handshake does.
function echoFrames(socket, log, onOther) {
  reader(socket, (f) => {
    log.push(`got ${describe(f)}${f.masked ? '' : ' (unmasked!)'}`);
    if (f.opcode === 1 || f.opcode === 2) {
      socket.write(frame(f.opcode, f.payload));
    } else if (f.opcode === 8) {
      socket.end(frame(8, f.payload));
    } else if (onOther) {
      onOther(f);
    }
  });
}

function handle(url, req, socket, log) {
  const q = url.searchParams;
  switch (url.pathname) {
    case '/echo':
      accept(req, socket);
      echoFrames(socket, log);
      return;
    case '/protocol': {
      // Picks the protocol named by ?pick=, or the first one offered.
      const offered = (req.headers['sec-websocket-protocol'] || '').split(',').map((s) => s.trim()).filter(Boolean);
      const pick = q.get('pick') ?? offered[0];
      accept(req, socket, pick ? `Sec-WebSocket-Protocol: ${pick}\r\n` : '');
      echoFrames(socket, log);
      return;
    }
    case '/close':
      // Closes first with ?code= and ?reason= (no code: an empty close frame), then ends the
      // connection once the client has answered.
      accept(req, socket);
      reader(socket, (f) => {
        log.push(`got ${describe(f)}`);
        if (f.opcode === 8) socket.end();
      });
      socket.write(q.has('code') ? closeFrame(Number(q.get('code')), q.get('reason') ?? '') : closeFrame());
      return;
    case '/drop':
      // Sends one message, then drops the connection without a close frame.
      accept(req, socket);
      socket.write(frame(1, 'going away'));
      socket.destroySoon();
      return;
    case '/reject':
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    case '/bad-accept':
      socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Accept: nope\r\n\r\n');
      return;
    case '/fragments':
      // A text message in three fragments with a ping between them, a binary message
      // written one byte at a time, then echo.
      accept(req, socket);
      echoFrames(socket, log);
      socket.write(frame(1, 'frag', { fin: false }));
      socket.write(frame(9, 'are you there'));
      socket.write(frame(0, 'men', { fin: false }));
      socket.write(frame(0, 'ted ✓'));
      for (const b of frame(2, Buffer.from([0xde, 0xad, 0xbe, 0xef]))) socket.write(Buffer.from([b]));
      return;
    case '/deflate': {
      // permessage-deflate: the server's messages are compressed.
      const ext = req.headers['sec-websocket-extensions'] || '';
      accept(req, socket, ext.includes('permessage-deflate') ? 'Sec-WebSocket-Extensions: permessage-deflate\r\n' : '');
      echoFrames(socket, log);
      // A sync flush ends the data with 00 00 ff ff, which permessage-deflate leaves out.
      const data = zlib.deflateRawSync(Buffer.from('squeeze '.repeat(100)), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
      socket.write(frame(1, data.subarray(0, data.length - 4), { rsv1: true }));
      return;
    }
    case '/bad-frame':
      // A masked frame from a server is a protocol error for the client.
      accept(req, socket);
      echoFrames(socket, log);
      socket.write(Buffer.from([0x81, 0x82, 1, 2, 3, 4, 0x69 ^ 1, 0x69 ^ 2]));
      return;
    default:
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
  }
}

module.exports = { start, frame, closeFrame };
