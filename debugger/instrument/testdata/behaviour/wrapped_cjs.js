(function (exports, require, module, __filename, __dirname) {
"use strict"
const helper = (a, b) => a + b
let state = { calls: 0 }
function api(x) {
  state.calls++
  return helper(x, state.calls)
}
exports.api = api
module.exports.name = __filename.slice(-8)
console.log(api(1), api(2), exports.name, typeof require, __dirname, this === exports)
class Thing { constructor() { this.v = 1 } static make() { return new Thing() } }
console.log(Thing.make().v)
try { require('x') } catch (e) { console.log(e.message) }
})
