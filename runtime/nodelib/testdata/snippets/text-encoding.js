console.log(new TextDecoder('windows-1252').decode(Buffer.from([0x80, 0xe9])).split('').map((c) => c.charCodeAt(0)));
console.log(new TextDecoder('latin1').encoding, new TextDecoder('utf-16be').decode(Buffer.from([0, 65])), new TextDecoder(' UTF8 ').encoding);
try { new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from([0xff])); } catch (e) { console.log(e.name, e.code, e.message); }
try { new TextDecoder('utf-16le', { fatal: true }).decode(Buffer.from([0x00, 0xd8])); } catch (e) { console.log(e.name, e.code, e.message); }
try { new TextDecoder('nope'); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(new TextDecoder('shift_jis').decode(Buffer.from([0x82, 0xa0])), new TextDecoder('gbk').decode(Buffer.from([0xc4, 0xe3])), new TextDecoder('iso-8859-2').decode(Buffer.from([0xb1])));
const s = new TextDecoder('utf-16le');
console.log(JSON.stringify([s.decode(Buffer.from([0xff, 0xfe, 0x41]), { stream: true }), s.decode(Buffer.from([0]))]));
const u = new TextDecoder();
const euro = Buffer.from('a€😀');
console.log(JSON.stringify([...euro].map((b) => u.decode(Buffer.from([b]), { stream: true }))), JSON.stringify(u.decode()));
const bom = new TextDecoder('utf-8', { ignoreBOM: true });
console.log(JSON.stringify(bom.decode(Buffer.from('\ufeffx'))), new TextDecoder().fatal, new TextDecoder('utf8', { fatal: true }).fatal, bom.ignoreBOM);
console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0xe2, 0x82]))), JSON.stringify(new TextDecoder().decode(new Uint16Array([0x4241]))));
const { transcode } = require('buffer');
console.log(transcode(Buffer.from('€'), 'utf8', 'ucs2'), transcode(Buffer.from('€a'), 'utf8', 'latin1'), transcode(Buffer.from('hé', 'latin1'), 'latin1', 'utf8'));
try { transcode(Buffer.from('x'), 'utf8', 'nope'); } catch (e) { console.log(e.code, e.message); }
const util = require('util');
console.log(util.inspect(['😀😀', '中文字', 'e\u0301', 'abc', '🇯🇵', 'ｈａｌｆ']));
console.log(util.inspect(Array.from({ length: 30 }, (_, i) => '中'.repeat(i % 4))));
console.log(util.inspect(Array.from({ length: 30 }, (_, i) => 'é'.repeat(i % 5))));
console.table([{ name: '中文', v: 1 }, { name: 'abc', v: '😀' }]);
