// dns.lookup and lookupService through cares_wrap, and node's argument errors.
const dns = require('dns');
dns.lookup('localhost', { family: 4 }, (err, address, family) => {
  console.log('localhost v4', err, address, family);
  dns.lookup('localhost', { family: 4, all: true }, (err2, list) => {
    console.log('all v4', err2, JSON.stringify(list));
    dns.lookupService('127.0.0.1', 80, (err3, host, service) => {
      console.log('lookupService', err3, host, service);
      dns.promises.lookup('localhost', { family: 4 }).then((r) => console.log('promise', r));
    });
  });
});
try {
  dns.lookup('localhost', { family: 5 }, () => {});
} catch (e) {
  console.log('bad family', e.code);
}
console.log('servers is array', Array.isArray(dns.getServers()));
