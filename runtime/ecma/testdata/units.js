const t = (s) => { try { const v = eval(s); console.log(s, '=>', typeof v === 'string' ? JSON.stringify(v) : (v && typeof v === 'object') ? JSON.stringify(v) : String(v)); } catch (e) { console.log(s, '=>', e.constructor.name + ': ' + e.message); } };
const units = 'acre bit byte celsius centimeter day degree fahrenheit fluid-ounce foot gallon gigabit gigabyte gram hectare hour inch kilobit kilobyte kilogram kilometer liter megabit megabyte meter microsecond mile mile-scandinavian milliliter millimeter millisecond minute month nanosecond ounce percent petabyte pound second stone terabit terabyte week yard year'.split(' ');
for (const d of ['short', 'narrow', 'long']) {
	console.log(d, units.map((u) => [1, 2.5].map((n) => new Intl.NumberFormat('en-US', { style: 'unit', unit: u, unitDisplay: d }).format(n)).join(' ')).join(' | '));
	console.log(d, ['kilometer-per-hour', 'mile-per-hour', 'meter-per-second', 'mile-per-gallon', 'liter-per-kilometer', 'kilobyte-per-second', 'gigabyte-per-byte', 'byte-per-second', 'foot-per-minute', 'gram-per-liter']
		.map((u) => [1, 3].map((n) => new Intl.NumberFormat('en-US', { style: 'unit', unit: u, unitDisplay: d }).format(n)).join(' ')).join(' | '));
}
[
'new Intl.NumberFormat("en",{style:"unit"})', 'new Intl.NumberFormat("en",{style:"unit",unit:"parsec"})', 'new Intl.NumberFormat("en",{style:"unit",unit:"kilometer-per-hour"}).resolvedOptions()',
'new Intl.NumberFormat("en",{style:"unit",unit:"kilometer",unitDisplay:"long"}).formatToParts(-1.5)', 'new Intl.NumberFormat("en",{style:"unit",unit:"kilometer",unitDisplay:"long", minimumFractionDigits:1}).format(1)',
'new Intl.NumberFormat("en",{style:"unit",unit:"megabyte",unitDisplay:"narrow"}).formatToParts(1234.5)', 'new Intl.NumberFormat("en",{style:"unit",unit:"percent"}).format(50)',
'new Intl.NumberFormat("en",{style:"unit",unit:"liter",notation:"compact"}).format(12345)', 'new Intl.NumberFormat("en",{style:"unit",unit:"celsius"}).format(-3)', 'new Intl.NumberFormat("en",{unit:"parsec"})',
'new Intl.NumberFormat("en",{style:"unit",unit:"KILOMETER"})', '(16).toLocaleString("en-US",{style:"unit",unit:"liter",unitDisplay:"long"})', '(1).toLocaleString("en-US",{style:"unit",unit:"hour",unitDisplay:"long", signDisplay: "always"})',
].forEach(t);
