const t = (s) => { try { const v = eval(s); console.log(s, '=>', typeof v === 'string' ? JSON.stringify(v) : (v && typeof v === 'object') ? JSON.stringify(v) : String(v)); } catch (e) { console.log(s, '=>', e.constructor.name + ': ' + e.message); } };
const modes = ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'];
for (const m of modes) {
	console.log(m, [1.5, 2.5, -1.5, -2.5, 1.25, 1.35, -1.25, 0.5, -0.5, 1.2, -1.2, 1.251].map((x) => new Intl.NumberFormat('en-US', { maximumFractionDigits: Number.isInteger(x * 2) ? 0 : 1, roundingMode: m }).format(x)).join(' '));
	console.log(m, [123456, -123456, 0.000123456].map((x) => new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2, roundingMode: m }).format(x)).join(' '));
}
[
'new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, trailingZeroDisplay: "stripIfInteger"}).format(5)', 'new Intl.NumberFormat("en-US", {minimumFractionDigits: 2, trailingZeroDisplay: "stripIfInteger"}).format(5.1)',
'new Intl.NumberFormat("en-US", {style: "currency", currency: "USD", trailingZeroDisplay: "stripIfInteger"}).format(5)', 'new Intl.NumberFormat("en-US", {style: "currency", currency: "USD", trailingZeroDisplay: "stripIfInteger"}).format(5.001)',
'new Intl.NumberFormat("en-US", {maximumFractionDigits: 2, maximumSignificantDigits: 2, roundingPriority: "lessPrecision"}).format(1.23456)',
'new Intl.NumberFormat("en-US", {maximumFractionDigits: 2, maximumSignificantDigits: 2, roundingPriority: "morePrecision"}).format(1.23456)',
'new Intl.NumberFormat("en-US", {maximumFractionDigits: 2, maximumSignificantDigits: 2, roundingPriority: "lessPrecision"}).format(123.456)',
'new Intl.NumberFormat("en-US", {maximumFractionDigits: 2, maximumSignificantDigits: 2, roundingPriority: "morePrecision"}).format(123.456)',
'new Intl.NumberFormat("en-US", {roundingPriority: "morePrecision"}).format(1.23456789)', 'new Intl.NumberFormat("en-US", {roundingPriority: "lessPrecision"}).format(1.23456789)',
'new Intl.NumberFormat("en-US", {roundingPriority: "lessPrecision"}).resolvedOptions()', 'new Intl.NumberFormat("en-US", {roundingMode: "floor"}).resolvedOptions().roundingMode',
'new Intl.NumberFormat("en-US", {roundingMode: "nope"})', 'new Intl.NumberFormat("en-US", {notation: "compact", roundingMode: "floor"}).format(1999)', '(1.005).toLocaleString("en-US", {maximumFractionDigits: 2, roundingMode: "halfEven"})',
].forEach(t);
["new Intl.NumberFormat(\"en\",{roundingIncrement:5, maximumFractionDigits:2})","new Intl.NumberFormat(\"en\",{roundingIncrement:5, minimumFractionDigits:2, maximumFractionDigits:2}).format(1.234)","new Intl.NumberFormat(\"en\",{roundingIncrement:3})","new Intl.NumberFormat(\"en\",{roundingIncrement:25, maximumFractionDigits:2, minimumFractionDigits:2}).format(1.13)",
"new Intl.NumberFormat(\"en\",{roundingIncrement:5, maximumFractionDigits:0}).format(12)", "new Intl.NumberFormat(\"en\",{roundingIncrement:50, maximumFractionDigits:2, minimumFractionDigits: 2, roundingMode: \"floor\"}).format(1.99)",
"new Intl.NumberFormat(\"en\",{roundingIncrement:5, maximumSignificantDigits:2})","new Intl.NumberFormat(\"en\",{roundingIncrement:5, maximumFractionDigits:0}).resolvedOptions()", "new Intl.NumberFormat(\"en\",{roundingIncrement:10, maximumFractionDigits:1, minimumFractionDigits:1}).format(1.234)",
"[0.025, 0.075, -0.025, 1234.5678].map(x => new Intl.NumberFormat(\"en\",{roundingIncrement:5, maximumFractionDigits:2, minimumFractionDigits:2, roundingMode: \"halfEven\"}).format(x)).join()",
"new Intl.NumberFormat(\"en\",{style: \"currency\", currency: \"USD\", roundingIncrement:5}).format(1.23)"].forEach(t);
