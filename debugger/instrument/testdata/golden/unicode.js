var café = 1, naïve = 'ü';
const ñ = 'eñe', 日本 = '語';
let ΔΣ = café + 1
function größe(ß) { return ß * 2 }
const λ = x => ΔΣ + x
var s = '✓ check'; var t = café + größe(2)
if (café) ñ.length; else ΔΣ++
for (const ω of [1, 2]) ΔΣ += ω
console.log(café, naïve, ñ, 日本, ΔΣ, größe(3), λ(1), s, t, '😀'.length)
