var a = 1
var b = a
;(function () { b++ })()
;[1, 2].forEach(function (x) { b += x })
;`tmpl`.length
var c = b
++a
let s = 'x'
const t = `y${s}`
var f = function () {
  return
  42
}
var g = a
/2/1
var h = () => 5
if (a) b--
else b++
do a++
while (a < 5)
var obj = { k: 1 }
obj.k++
var calls = 0
do calls++; while (calls < 3) calls += 10
do { calls-- } while (calls > 12) if (calls) calls *= 2; else calls = -1
console.log(a, b, c, s, t, f(), g, h(), obj.k, calls)
