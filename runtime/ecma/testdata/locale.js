const t = (s) => { try { const v = eval(s); console.log(s, '=>', typeof v === 'string' ? JSON.stringify(v) : (v && typeof v === 'object') ? JSON.stringify(v) : String(v)); } catch (e) { console.log(s, '=>', e.constructor.name + ': ' + e.message); } };
const L = (x, o) => new Intl.Locale(x, o);
[
'L("en-US").toString()', 'L("en-US").language', 'L("en-US").region', 'L("en-US").script', 'L("en-US").baseName', 'L("zh-Hant-TW").script',
'L("en").maximize().toString()', 'L("zh").maximize().toString()', 'L("zh-TW").maximize().toString()', 'L("sr").maximize().toString()', 'L("en-Latn-US").minimize().toString()', 'L("zh-Hant-TW").minimize().toString()',
'L("de-DE-u-ca-gregory-hc-h23-kn-nu-latn").calendar', 'L("de-DE-u-ca-gregory-hc-h23").hourCycle', 'L("en-u-kn").numeric', 'L("en").numeric', 'L("en-u-nu-arab").numberingSystem', 'L("en").calendar',
'L("en-US", {region: "GB"}).toString()', 'L("en", {hourCycle: "h12", calendar: "gregory"}).toString()', 'L("en-u-kn").toString()', 'L("EN-us").toString()', 'L("en_US")', 'Intl.Locale("en")', 'L(5)',
'String(L("fr-CA"))', 'JSON.stringify(L("fr-CA"))', 'Object.prototype.toString.call(L("fr"))', 'new Intl.NumberFormat(L("de")).format(1234.5)', 'Intl.getCanonicalLocales(L("fr-ca"))',
'L("en", {script: "Latn", region: "US"}).baseName', 'L("en-US").caseFirst', 'L("en-US").collation', 'L("und").maximize().toString()', 'L("ja").maximize().toString()', 'L("es-419").maximize().toString()',
].forEach(t);
