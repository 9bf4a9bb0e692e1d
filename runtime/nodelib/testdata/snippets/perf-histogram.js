// perf_hooks.createHistogram over nodelib's HdrHistogram: the same buckets as node's.
const { createHistogram } = require('perf_hooks');
const empty = createHistogram();
console.log(empty.min, empty.max, empty.mean, empty.stddev, empty.count, empty.exceeds, empty.percentiles);
const h = createHistogram();
for (const v of [1, 2, 3, 100, 1000, 12345, 12345, 999999, 5, 2 ** 40]) h.record(v);
console.log(h.min, h.max, h.mean, h.stddev, h.count, h.exceeds);
console.log(h.percentile(50), h.percentile(99), h.percentile(0.001), h.percentile(100));
console.log(h.percentiles);
console.log(h.minBigInt, h.maxBigInt, h.countBigInt, h.percentileBigInt(50), h.percentilesBigInt.get(100));
try { h.record(0); } catch (e) { console.log(e.code, e.message); }
try { h.percentile(0); } catch (e) { console.log(e.code); }
h.record(7n);
console.log(h.count);
const h2 = createHistogram({ lowest: 10, highest: 1000, figures: 2 });
h2.record(5000);
h2.record(20);
h2.record(999);
console.log(h2.count, h2.exceeds, h2.max, h2.min, h2.mean, h2.percentiles);
h.add(h2);
console.log(h.count, h.exceeds, h.max, h.mean);
console.log(h);
const big = createHistogram({ figures: 5 });
for (let i = 1; i <= 2000; i++) big.record(i * i);
console.log(big.min, big.max, big.mean, big.stddev, big.percentile(25), big.percentile(75), big.percentile(99.9));
console.log([...big.percentiles].map(([k, v]) => k + ':' + v).join(' '));
h.reset();
console.log(h.count, h.min, h.max, h.exceeds);
const d = createHistogram();
d.recordDelta();
console.log(d.count);
