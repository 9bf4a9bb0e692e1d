// Pseudo-random numbers through NumberFormat option sets; the generator is
// deterministic, so node and Studio format the same values.
let seed = 987654321;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const optionSets = [
	undefined, { maximumFractionDigits: 2 }, { minimumFractionDigits: 2 }, { maximumFractionDigits: 0 }, { maximumSignificantDigits: 3 },
	{ minimumSignificantDigits: 2, maximumSignificantDigits: 4 }, { style: 'percent' }, { style: 'percent', minimumFractionDigits: 1 },
	{ style: 'currency', currency: 'USD' }, { style: 'currency', currency: 'JPY' }, { style: 'currency', currency: 'EUR', currencySign: 'accounting' },
	{ notation: 'compact' }, { notation: 'compact', compactDisplay: 'long' }, { notation: 'compact', maximumFractionDigits: 2 },
	{ useGrouping: false, minimumIntegerDigits: 4 }, { signDisplay: 'exceptZero', maximumFractionDigits: 1 },
];
const lines = [];
for (let i = 0; i < 300; i++) {
	const exp = Math.floor(rand() * 30) - 12;
	let x = (rand() - 0.3) * Math.pow(10, exp);
	if (i % 7 === 0) x = Math.round(x * 1000) / 1000;
	if (i % 11 === 0) x = Math.round(x) + 0.5;
	if (i % 13 === 0) x = Math.trunc(x * 100) / 100 + 0.005;
	const opts = optionSets[i % optionSets.length];
	lines.push(i + ' ' + JSON.stringify(opts) + ' => ' + x.toLocaleString('en-US', opts) + ' | ' + new Intl.NumberFormat('en-US', opts).format(-x));
}
console.log(lines.join('\n'));
