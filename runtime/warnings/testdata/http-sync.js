// An HTTP server whose handlers read files synchronously. The test hits
// it with Go's HTTP client: GET /sync, GET /later, GET /async, then
// GET /stop.
const http = require('http');
const fs = require('fs');
const config = fs.readFileSync(__filename); // at start-up: fine
const server = http.createServer(async (req, res) => {
  if (req.url === '/sync') {
    const body = fs.readFileSync(__filename);
    res.end(String(body.length + config.length));
  } else if (req.url === '/later') {
    await fs.promises.stat(__filename);
    const ok = fs.existsSync(__filename);
    res.end(String(ok));
  } else if (req.url === '/async') {
    fs.readFile(__filename, (err, body) => res.end(String(err || body.length)));
  } else {
    res.end('bye');
    clientFinished.then(() => server.close()); // not before our own request is answered
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log('port ' + server.address().port);
  // An HTTP client's callback is not a handler.
  http.get('http://127.0.0.1:' + server.address().port + '/async', (res) => {
    fs.statSync(__filename);
    res.resume();
    res.on('end', clientDone);
  });
});
let clientDone;
const clientFinished = new Promise((resolve) => { clientDone = resolve; });
