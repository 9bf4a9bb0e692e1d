const t = (s) => { try { const v = eval(s); console.log(s, '=>', typeof v === 'string' ? JSON.stringify(v) : (v && typeof v === 'object') ? JSON.stringify(v) : String(v)); } catch (e) { console.log(s, '=>', e.constructor.name + ': ' + e.message); } };
const D = (l, o) => new Intl.DisplayNames(l, o);
[
'D("en", {type: "region"}).of("US")', 'D("en", {type: "region"}).of("de")', 'D("en", {type: "region"}).of("419")', 'D(["en"], {type: "region"}).of("JP")', 'D("en", {type: "region"}).of("ZZ")',
'D("en", {type: "language"}).of("fr")', 'D("en", {type: "language"}).of("en-US")', 'D("en", {type: "language"}).of("zh-Hant")', 'D("en", {type: "language"}).of("pt-BR")', 'D("en", {type: "language"}).of("de")',
'D("en", {type: "script"}).of("Latn")', 'D("en", {type: "script"}).of("cyrl")', 'D("de", {type: "region"}).of("US")', 'D("fr", {type: "language"}).of("de")', 'D("ja", {type: "region"}).of("FR")',
'D("en", {type: "region"}).of("A")', 'D("en")', 'D("en", {})', 'D("en", {type: "region"}).resolvedOptions()', 'D("en", {type: "language"}).resolvedOptions()', 'D("en", {type: "region", fallback: "none"}).of("QO")',
'Object.prototype.toString.call(D("en", {type: "region"}))',
].forEach(t);
