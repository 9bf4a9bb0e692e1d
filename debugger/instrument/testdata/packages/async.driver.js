// Calls into async (the module.exports of async.js run as a CommonJS module),
// with setImmediate and setTimeout from the
// test's task queue, logging results.
var async = __module.exports;
var log = function () { console.log.apply(null, arguments); };
async.series([
  function (cb) { setTimeout(function () { cb(null, 'one'); }, 5); },
  function (cb) { setImmediate(cb, null, 'two'); }
], function (err, results) { log('series', err, results); });
async.parallel({
  slow: function (cb) { setTimeout(cb, 10, null, 'slow'); },
  fast: function (cb) { setTimeout(cb, 1, null, 'fast'); }
}, function (err, results) { log('parallel', err, JSON.stringify(results)); });
async.waterfall([
  function (cb) { cb(null, 1, 2); },
  function (a, b, cb) { setImmediate(cb, null, a + b); },
  function (c, cb) { cb(null, c * 10); }
], function (err, result) { log('waterfall', err, result); });
async.mapLimit([5, 1, 3, 2], 2, function (n, cb) { setTimeout(cb, n, null, n * 2); }, function (err, r) { log('mapLimit', r); });
var seen = [];
async.eachSeries(['a', 'b', 'c'], function (x, cb) { seen.push(x); setImmediate(cb); }, function () { log('eachSeries', seen); });
async.auto({
  get: function (cb) { cb(null, 'data'); },
  make: function (cb) { setTimeout(cb, 2, null, 'folder'); },
  write: ['get', 'make', function (results, cb) { cb(null, results.get + '@' + results.make); }]
}, function (err, results) { log('auto', results.write); });
var q = async.queue(function (task, cb) { log('task', task.name); setTimeout(cb, 1); }, 2);
q.drain(function () { log('drained'); });
q.push([{ name: 'q1' }, { name: 'q2' }, { name: 'q3' }]);
var attempts = 0;
async.retry(3, function (cb) { attempts++; cb(attempts < 3 ? new Error('no') : null, attempts); }, function (err, r) { log('retry', err, r); });
var count = 0;
async.whilst(function (cb) { cb(null, count < 4); }, function (cb) { count++; setImmediate(cb); }, function () { log('whilst', count); });
async.filter([1, 2, 3, 4], function (n, cb) { cb(null, n % 2); }, function (err, r) { log('filter', r); });
async.reduce([1, 2, 3], 0, function (m, n, cb) { setImmediate(cb, null, m + n); }, function (err, r) { log('reduce', r); });
async.series([function (cb) { cb(new Error('stop')); }, function (cb) { log('not reached'); cb(); }], function (err) { log('series error', err.message); });
async.times(3, function (n, cb) { cb(null, n * n); }, function (err, r) { log('times', r); });
async.sortBy([3, 1, 2], function (n, cb) { cb(null, -n); }, function (err, r) { log('sortBy', r); });
