(function (exports, require, module, __filename, __dirname) { var x = 1
x++
for (var i = 0; i < 2; i++) x += i
console.log(x, this === exports)
})
