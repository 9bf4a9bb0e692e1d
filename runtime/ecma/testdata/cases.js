const t = (s) => { try { const v = eval(s); console.log(s, '=>', typeof v === 'string' ? JSON.stringify(v) : (v && typeof v === 'object') ? JSON.stringify(v) : String(v)); } catch (e) { console.log(s, '=>', e.constructor.name + ': ' + e.message); } };
[
'"İstanbul".toLocaleLowerCase("tr")', '"istanbul".toLocaleUpperCase("tr")', '"İ".toLocaleLowerCase()', '"ı".toLocaleUpperCase("en-US")', '"ΟΔΟΣ".toLocaleLowerCase()',
'"straße".toLocaleUpperCase("de")', '"I".toLocaleLowerCase(["tr", "en"])', '"i̇".toLocaleUpperCase("lt")', '"abc".toLocaleUpperCase("xx")', '"a".toLocaleUpperCase("en_US")',
'String.prototype.toLocaleUpperCase.length', 'String.prototype.toLocaleLowerCase.call(null)',
].forEach(t);
