// Lesson: an HTTP server and a client hammering it, both in this process,
// on 127.0.0.1 (a port the system picks). The client keeps 8 requests in
// flight until 300 have been answered (or 5 seconds have passed); then
// both sides close and the loop runs dry.
//
// What to watch, in the window:
//   - Pending ops tab: the TCPSERVERWRAP that keeps the process alive, the
//     client's TCPWRAP sockets and their requests coming and going.
//   - Event loop panel: the poll phase lit most of the time (waiting for
//     sockets), the completions queue, lag and ELU rising under load.
//   - Profiler tab: the handler reads a file with fs.readFileSync; the
//     synchronous calls list shows how long each blocked the loop, and the
//     warnings flag sync fs calls inside an HTTP handler.
// Run it alone (Run > Run Current File) or as part of the tour.
const http = require('http');
const fs = require('fs');

module.exports = function httpServer(log, done) {
  const total = 300;
  const inFlight = 8;
  let started = 0;
  let answered = 0;
  const statuses = {};
  const server = http.createServer((req, res) => {
    // A synchronous read inside the handler blocks every other connection.
    const size = fs.readFileSync(__filename).length;
    res.setHeader('content-type', 'text/plain');
    res.end(`${req.url} ${size}\n`);
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
  const deadline = setTimeout(() => finish('time is up'), 5000);

  server.listen(0, '127.0.0.1', () => {
    log(`server listening on 127.0.0.1 (port picked by the system)`);
    for (let i = 0; i < inFlight; i++) next();
  });

  function next() {
    if (started === total) return;
    const n = ++started;
    http.get({ host: '127.0.0.1', port: server.address().port, path: `/req/${n}`, agent }, (res) => {
      statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1;
      res.resume();
      res.on('end', () => {
        if (++answered === total) finish('all answered');
        else next();
      });
    }).on('error', (err) => finish(`client error: ${err.code}`));
  }

  let finished = false;
  function finish(why) {
    if (finished) return;
    finished = true;
    clearTimeout(deadline);
    log(`${answered}/${total} requests answered (${why}); status codes: ${JSON.stringify(statuses)}`);
    agent.destroy();
    server.close(() => {
      log('server closed');
      done();
    });
  }
};

if (require.main === module) {
  module.exports((msg) => console.log(msg), () => {});
}
