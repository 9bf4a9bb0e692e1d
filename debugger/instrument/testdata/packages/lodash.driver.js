// Calls into lodash (the module.exports of lodash.js run as a CommonJS
// module), logging results.
var _ = __module.exports;
console.log(_.VERSION);
console.log(_.chunk(['a', 'b', 'c', 'd', 'e'], 2));
var users = [
  { user: 'fred', age: 48, active: false },
  { user: 'barney', age: 36, active: true },
  { user: 'fred', age: 40, active: true },
  { user: 'barney', age: 34, active: false }
];
console.log(_.sortBy(users, ['user', 'age']).map(function (u) { return u.user + u.age; }));
console.log(_.orderBy(users, ['user', 'age'], ['asc', 'desc']).map(function (u) { return u.age; }));
var compiled = _.template('hello <%= user %>! <% _.forEach(items, function (i) { %><li><%- i %></li><% }); %>');
console.log(compiled({ user: 'fred', items: ['<a>', 'b&c'] }));
console.log(_.template('${ a } and ${ b }')({ a: 1, b: 2 }));
console.log(JSON.stringify(_.merge({ a: [{ b: 2 }, { d: 4 }] }, { a: [{ c: 3 }, { e: 5 }] })));
console.log(JSON.stringify(_.groupBy([6.1, 4.2, 6.3], Math.floor)), JSON.stringify(_.groupBy(['one', 'two', 'three'], 'length')));
var deep = { a: [1, { b: new Date(0) }], m: new Map([[1, { x: 1 }]]) };
var clone = _.cloneDeep(deep);
console.log(clone !== deep, clone.a[1] !== deep.a[1], _.isEqual(clone, deep), clone.m.get(1).x);
console.log(_.uniqBy([2.1, 1.2, 2.3], Math.floor), _.flattenDeep([1, [2, [3, [4]], 5]]), _.zip(['a', 'b'], [1, 2], [true, false]));
console.log(_.partition(users, 'active').map(function (p) { return p.length; }));
var obj = {};
_.set(obj, 'a[0].b.c', 4);
console.log(_.get(obj, 'a[0].b.c'), _.get(obj, ['a', '0', 'x'], 'default'), _.has(obj, 'a[0].b'));
console.log(_.camelCase('Foo Bar'), _.kebabCase('fooBar'), _.snakeCase('Foo Bar'), _.startCase('--foo-bar--'), _.escape('<&>"'), _.unescape('&lt;p&gt;'));
console.log(_.range(0, 20, 5), _.sum([4, 2, 8]), _.meanBy([{ n: 4 }, { n: 6 }], 'n'), _.maxBy(users, 'age').user);
var lazy = _(_.range(1, 200)).map(function (n) { return n * 3; }).filter(function (n) { return n % 2 === 0; }).take(4).value();
console.log(lazy);
console.log(_.chain(users).filter('active').map('user').uniq().value());
var calls = 0;
var memo = _.memoize(function (n) { calls++; return n * n; });
memo(4); memo(4); memo(5);
console.log(calls, memo.cache.size);
var curried = _.curry(function (a, b, c) { return [a, b, c]; });
console.log(curried(1)(2)(3), curried(1, 2)(3), curried(_, 2)(1)(3));
console.log(_.debounce === undefined, typeof _.throttle);
console.log(_.difference([2, 1], [2, 3]), _.intersection([2, 1], [2, 3]), _.union([2], [1, 2]), _.xor([2, 1], [2, 3]));
console.log(_.pick({ a: 1, b: '2', c: 3 }, ['a', 'c']), _.omit({ a: 1, b: '2', c: 3 }, ['a', 'c']), _.invert({ a: 1, b: 2 }));
console.log(_.words('fred, barney, & pebbles'), _.pad('abc', 8, '_-'), _.truncate('hi-diddly-ho there, neighborino', { length: 24, separator: ' ' }));
console.log(_.isPlainObject({}), _.isPlainObject(new Date()), _.isNative(Array.prototype.push), _.isArrayLike('abc'), _.toPath('a[0].b.c'));
console.log(_.flow([_.add, function (n) { return n * n; }])(1, 2), _.partial(function (a, b) { return a + b; }, 'hi ')('there'), _.negate(Boolean)(0));
console.log(_.countBy(['one', 'two', 'three'], 'length'), _.keyBy([{ id: 'a' }, { id: 'b' }], 'id'), _.mapValues({ a: { n: 1 } }, 'n'));
console.log(_.times(3, String), _.shuffle === undefined, _.sortedIndex([30, 50], 40), _.takeRightWhile([1, 2, 3, 4], function (n) { return n > 2; }));
console.log(_.mergeWith({ a: [1] }, { a: [2] }, function (x, y) { if (_.isArray(x)) return x.concat(y); }), _.defaultsDeep({ a: { b: 2 } }, { a: { b: 1, c: 3 } }));
