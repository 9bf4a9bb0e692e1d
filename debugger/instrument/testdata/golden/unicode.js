var café = 1, naïve = 'ü';
const ñ = 'eñe', 日本 = '語';
let ΔΣ = café + 1
function größe(ß) { return ß * 2 }
const λ = x => ΔΣ + x
var s = '✓ check'; var t = café + größe(2)
if (café) ñ.length; else ΔΣ++
for (const ω of [1, 2]) ΔΣ += ω
const endsNonASCII = x => x + ΔΣ, bare = () => café, member = o => o.größe, paren = () => (日本)
var \u0061bc = 1, d\u{65}f = 2; const esc = () => \u0061bc + d\u{65}f, escEnd = () => d\u{65}f
console.log(café, naïve, ñ, 日本, ΔΣ, größe(3), λ(1), s, t, '😀'.length, endsNonASCII(1), bare(), member({ größe: 'g' }), paren(), esc(), escEnd())
