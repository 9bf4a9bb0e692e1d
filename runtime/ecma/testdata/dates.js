const t = (s) => { try { const v = eval(s); console.log(s, '=>', typeof v === 'string' ? JSON.stringify(v) : (v && typeof v === 'object') ? JSON.stringify(v) : String(v)); } catch (e) { console.log(s, '=>', e.constructor.name + ': ' + e.message); } };
const d = new Date(Date.UTC(2026, 2, 8, 0, 30, 5, 7));
const f = (o) => new Intl.DateTimeFormat('en-US', Object.assign({timeZone: 'UTC'}, o)).format(d);
[
'f({month: "long", day: "numeric", hour: "numeric"})', 'f({month: "long", day: "numeric", year: "numeric", hour: "numeric", minute: "numeric"})',
'f({weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "numeric"})', 'f({month: "short", day: "numeric", hour: "numeric", minute: "numeric"})',
'f({weekday: "short", month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "numeric"})', 'f({weekday: "short", hour: "numeric", minute: "numeric"})',
'f({weekday: "long", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric"})',
'f({month: "long", year: "numeric", hour: "numeric"})', 'f({year: "numeric", hour: "numeric"})', 'f({month: "numeric", day: "numeric", hour: "numeric"})',
'f({day: "numeric", hour: "numeric"})', 'f({month: "long", timeZoneName: "short"})', 'f({hour: "numeric", timeZoneName: "long"})', 'f({weekday: "long", day: "numeric"})',
'f({year: "numeric", day: "numeric"})', 'f({month: "short"})', 'f({year: "numeric", month: "long", day: "numeric", era: "short"})', 'f({era: "long", year: "numeric"})',
'f({hour: "numeric", minute: "numeric", second: "numeric", hour12: false})', 'f({hour12: false})', 'f({hour: "numeric", hour12: false})',
'f({minute: "numeric"})', 'f({second: "numeric"})', 'f({minute: "2-digit"})', 'f({hour: "2-digit", hour12: true})',
'f({dateStyle: "medium", timeStyle: "medium", hour12: false})', 'f({dateStyle: "full", timeStyle: "short", timeZone: "Asia/Tokyo"})', 'f({timeStyle: "full", timeZone: "America/Los_Angeles"})',
'f({timeStyle: "long", timeZone: "Europe/London"})', 'f({timeStyle: "long", timeZone: "Australia/Sydney"})', 'f({timeZoneName: "shortOffset", timeZone: "America/St_Johns"})',
'new Date(-1e14).toLocaleString("en-US", {timeZone: "UTC"})', 'new Date(Date.UTC(12345, 0, 1)).toLocaleDateString("en-US", {timeZone: "UTC"})', 'new Date(Date.UTC(5, 0, 1)).toLocaleDateString("en-US", {timeZone: "UTC", year: "2-digit"})',
'Intl.DateTimeFormat("en-US", {timeZone: "UTC"}).formatToParts(0)', 'new Intl.DateTimeFormat("en-US-u-hc-h23", {hour: "numeric", timeZone: "UTC"}).format(d)', 'new Intl.DateTimeFormat("en-US", {timeZone: "asia/tokyo"}).resolvedOptions().timeZone',
'new Intl.DateTimeFormat("en-US", {fractionalSecondDigits: 4})', 'new Intl.DateTimeFormat("en-US", {month: "huge"})', 'new Intl.DateTimeFormat("en-US", {timeStyle: "short"}).resolvedOptions()',
'd.toLocaleDateString("en-US", {hour: "numeric", timeZone: "UTC"})', 'd.toLocaleTimeString("en-US", {weekday: "long", timeZone: "UTC"})', 'd.toLocaleTimeString("en-US", {dateStyle: "short", timeZone: "UTC"})',
].forEach(t);
