// Intl for goja: the object surface of ECMA-402 over the Go formatters in
// intl.go (called as native.*). Option reading follows the specification's
// order so that getters run as in V8, and errors carry V8's messages.
(function (native) {
	'use strict';
	const defineMethod = (o, name, fn, length) => {
		Object.defineProperty(fn, 'name', { value: name, configurable: true });
		if (length !== undefined) Object.defineProperty(fn, 'length', { value: length, configurable: true });
		Object.defineProperty(o, name, { value: fn, writable: true, enumerable: false, configurable: true });
	};
	const defineGetter = (o, name, get) => {
		Object.defineProperty(o, name, { get, enumerable: false, configurable: true });
	};
	const internal = new WeakMap();
	const slots = (self, kind, method) => {
		const s = (self !== null && typeof self === 'object') ? internal.get(self) : undefined;
		if (s === undefined || s.kind !== kind) {
			throw new TypeError('Method ' + method + ' called on incompatible receiver ' + describe(self));
		}
		return s;
	};
	const describe = (v) => {
		if (typeof v === 'string') return v;
		if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return String(v);
		const c = v.constructor;
		return '#<' + (c && c.name || 'Object') + '>';
	};

	function canonicalizeLocaleList(locales) {
		if (locales === undefined) return [];
		const seen = [];
		const single = typeof locales === 'string' || (locales !== null && typeof locales === 'object' && internal.has(locales) && internal.get(locales).kind === 'Locale');
		const list = single ? [locales] : Object(locales);
		const len = single ? 1 : Math.min(Math.max(Math.trunc(Number(list.length)) || 0, 0), 2 ** 53 - 1);
		for (let k = 0; k < len; k++) {
			if (!(k in list)) continue;
			const v = list[k];
			if (typeof v !== 'string' && (v === null || typeof v !== 'object')) {
				throw new TypeError('Language ID should be string or object.');
			}
			const inner = typeof v === 'object' ? internal.get(v) : undefined;
			const tag = inner !== undefined && inner.kind === 'Locale' ? inner.tag : native.canonical(String(v));
			if (!seen.includes(tag)) seen.push(tag);
		}
		return seen;
	}
	const toOptions = (options) => {
		if (options === undefined) return Object.create(null);
		if (options === null) throw new TypeError('Cannot convert undefined or null to object');
		return Object(options);
	};
	function getOption(options, prop, type, values, fallback, service) {
		let v = options[prop];
		if (v === undefined) return fallback;
		if (type === 'boolean') return Boolean(v);
		v = String(v);
		if (values !== undefined && !values.includes(v)) {
			throw new RangeError('Value ' + v + ' out of range for ' + service + ' options property ' + prop);
		}
		return v;
	}
	function defaultNumberOption(v, min, max, fallback, prop) {
		if (v === undefined) return fallback;
		v = Number(v);
		if (Number.isNaN(v) || v < min || v > max) throw new RangeError(prop + ' value is out of range.');
		return Math.floor(v);
	}
	const getNumberOption = (options, prop, min, max, fallback) => defaultNumberOption(options[prop], min, max, fallback, prop);
	const readLocaleMatcher = (options, service) => getOption(options, 'localeMatcher', 'string', ['lookup', 'best fit'], 'best fit', service);
	function supportedLocalesOf(locales, options, englishOnly, service) {
		const requested = canonicalizeLocaleList(locales);
		readLocaleMatcher(toOptions(options), service);
		return native.supported(requested, englishOnly);
	}
	function makeConstructor(name, init, opts) {
		const ctor = {[name]: function (locales, options) {
			if (new.target === undefined && opts.requiresNew) {
				throw new TypeError("Constructor Intl." + name + " requires 'new'");
			}
			const self = new.target === undefined ? Object.create(ctor.prototype)
				: Object.create(new.target.prototype === undefined ? ctor.prototype : new.target.prototype);
			const s = init(locales, options);
			s.kind = name;
			internal.set(self, s);
			return self;
		}}[name];
		Object.defineProperty(ctor, 'length', { value: 0, configurable: true });
		defineMethod(ctor, 'supportedLocalesOf', function (locales, options) {
			return supportedLocalesOf(locales, options, !!opts.englishOnly, 'Intl.' + name);
		}, 1);
		Object.defineProperty(ctor.prototype, Symbol.toStringTag, { value: 'Intl.' + name, configurable: true });
		return ctor;
	}

	// NumberFormat.
	const numberFormats = new Map(); // key -> NumberFormat, for toLocaleString
	function setDigitOptions(o, options, mnfdDefault, mxfdDefault, notation) {
		const mnid = getNumberOption(options, 'minimumIntegerDigits', 1, 21, 1);
		let mnfd = options.minimumFractionDigits;
		let mxfd = options.maximumFractionDigits;
		let mnsd = options.minimumSignificantDigits;
		let mxsd = options.maximumSignificantDigits;
		o.minimumIntegerDigits = mnid;
		const roundingPriority = getOption(options, 'roundingPriority', 'string', ['auto', 'morePrecision', 'lessPrecision'], 'auto', 'Intl.NumberFormat');
		const hasSd = mnsd !== undefined || mxsd !== undefined;
		const hasFd = mnfd !== undefined || mxfd !== undefined;
		let needSd = true, needFd = true;
		if (roundingPriority === 'auto') {
			needSd = hasSd;
			if (needSd || (!hasFd && notation === 'compact')) needFd = false;
		}
		o.roundingPriority = roundingPriority;
		if (needSd) {
			if (hasSd) {
				o.minimumSignificantDigits = mnsd = defaultNumberOption(mnsd, 1, 21, 1, 'minimumSignificantDigits');
				o.maximumSignificantDigits = defaultNumberOption(mxsd, mnsd, 21, 21, 'maximumSignificantDigits');
			} else {
				o.minimumSignificantDigits = 1;
				o.maximumSignificantDigits = 21;
			}
		}
		if (needFd) {
			if (hasFd) {
				mnfd = defaultNumberOption(mnfd, 0, 100, undefined, 'minimumFractionDigits');
				mxfd = defaultNumberOption(mxfd, 0, 100, undefined, 'maximumFractionDigits');
				if (mnfd === undefined) mnfd = Math.min(mnfdDefault, mxfd);
				else if (mxfd === undefined) mxfd = Math.max(mxfdDefault, mnfd);
				else if (mnfd > mxfd) throw new RangeError('maximumFractionDigits value is out of range.');
			} else {
				mnfd = mnfdDefault;
				mxfd = mxfdDefault;
			}
			o.minimumFractionDigits = mnfd;
			o.maximumFractionDigits = mxfd;
		}
		if (!needSd && !needFd) {
			o.minimumSignificantDigits = 1;
			o.maximumSignificantDigits = 2;
			o.minimumFractionDigits = 0;
			o.maximumFractionDigits = 0;
			o.roundingPriority = 'morePrecision';
		}
	}
	const NumberFormat = makeConstructor('NumberFormat', function (locales, options) {
		const requested = canonicalizeLocaleList(locales);
		options = toOptions(options);
		const svc = 'Intl.NumberFormat';
		readLocaleMatcher(options, svc);
		const nu = options.numberingSystem;
		if (nu !== undefined && String(nu) !== 'latn') throw new TypeError('numberingSystem ' + String(nu) + ' is not supported');
		const o = { locale: native.resolve(requested, false), numberingSystem: 'latn' };
		o.style = getOption(options, 'style', 'string', ['decimal', 'percent', 'currency', 'unit'], 'decimal', svc);
		let currency = getOption(options, 'currency', 'string', undefined, undefined, svc);
		if (currency !== undefined && !/^[A-Za-z]{3}$/.test(currency)) throw new RangeError('Invalid currency code : ' + currency);
		const currencyDisplay = getOption(options, 'currencyDisplay', 'string', ['code', 'symbol', 'narrowSymbol', 'name'], 'symbol', svc);
		const currencySign = getOption(options, 'currencySign', 'string', ['standard', 'accounting'], 'standard', svc);
		const unit = getOption(options, 'unit', 'string', undefined, undefined, svc);
		if (unit !== undefined && !native.isUnit(unit)) throw new RangeError("Invalid unit argument for Intl.NumberFormat() '" + unit + "'");
		const unitDisplay = getOption(options, 'unitDisplay', 'string', ['short', 'narrow', 'long'], 'short', svc);
		if (o.style === 'unit') {
			if (unit === undefined) throw new TypeError("Invalid unit argument for Intl.NumberFormat() ''");
			// The unit patterns here are en-US's (units_node.go).
			if (o.locale !== 'en' && !o.locale.startsWith('en-')) throw new TypeError('Intl.NumberFormat style "unit" is only supported for English locales');
			o.unit = unit;
			o.unitDisplay = unitDisplay;
		}
		if (o.style === 'currency') {
			if (currency === undefined) throw new TypeError('Currency code is required with currency style.');
			if (currencyDisplay === 'name') throw new TypeError('Intl.NumberFormat currencyDisplay "name" is not supported');
			o.currency = currency.toUpperCase();
			o.currencyDisplay = currencyDisplay;
			o.currencySign = currencySign;
		}
		const notation = getOption(options, 'notation', 'string', ['standard', 'scientific', 'engineering', 'compact'], 'standard', svc);
		if (notation === 'scientific' || notation === 'engineering') throw new TypeError('Intl.NumberFormat notation "' + notation + '" is not supported');
		let mnfdDefault = 0, mxfdDefault = 3;
		if (o.style === 'currency' && notation === 'standard') mnfdDefault = mxfdDefault = native.currencyDigits(o.currency);
		else if (o.style === 'percent') mxfdDefault = 0;
		const digits = {};
		setDigitOptions(digits, options, mnfdDefault, mxfdDefault, notation);
		const roundingIncrement = getNumberOption(options, 'roundingIncrement', 1, 5000, 1);
		if (![1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000].includes(roundingIncrement)) {
			throw new RangeError('roundingIncrement value is out of range.');
		}
		if (roundingIncrement !== 1) {
			if (digits.roundingPriority !== 'auto' || digits.minimumSignificantDigits !== undefined) throw new TypeError('RoundingType is not fractionDigits');
			if (digits.maximumFractionDigits !== digits.minimumFractionDigits) throw new RangeError('maximumFractionDigits not equal to minimumFractionDigits');
		}
		const roundingMode = getOption(options, 'roundingMode', 'string', ['ceil', 'floor', 'expand', 'trunc', 'halfCeil', 'halfFloor', 'halfExpand', 'halfTrunc', 'halfEven'], 'halfExpand', svc);
		const trailingZeroDisplay = getOption(options, 'trailingZeroDisplay', 'string', ['auto', 'stripIfInteger'], 'auto', svc);
		const compactDisplay = getOption(options, 'compactDisplay', 'string', ['short', 'long'], 'short', svc);
		const defaultGrouping = notation === 'compact' ? 'min2' : 'auto';
		let grouping = options.useGrouping;
		if (grouping === undefined) grouping = defaultGrouping;
		else if (grouping === true) grouping = 'always';
		else if (!grouping) grouping = false;
		else {
			grouping = String(grouping);
			if (grouping === 'true' || grouping === 'false') grouping = defaultGrouping;
			else if (!['min2', 'auto', 'always'].includes(grouping)) {
				throw new RangeError('Value ' + grouping + ' out of range for Intl.NumberFormat options property useGrouping');
			}
		}
		const signDisplay = getOption(options, 'signDisplay', 'string', ['auto', 'never', 'always', 'exceptZero', 'negative'], 'auto', svc);
		o.minimumIntegerDigits = digits.minimumIntegerDigits;
		if (digits.minimumSignificantDigits !== undefined) {
			o.minimumSignificantDigits = digits.minimumSignificantDigits;
			o.maximumSignificantDigits = digits.maximumSignificantDigits;
		}
		if (digits.minimumFractionDigits !== undefined) {
			o.minimumFractionDigits = digits.minimumFractionDigits;
			o.maximumFractionDigits = digits.maximumFractionDigits;
		}
		o.useGrouping = grouping;
		o.notation = notation;
		if (notation === 'compact') o.compactDisplay = compactDisplay;
		o.signDisplay = signDisplay;
		o.roundingMode = roundingMode;
		o.roundingIncrement = roundingIncrement;
		o.trailingZeroDisplay = trailingZeroDisplay;
		o.roundingPriority = digits.roundingPriority;
		const goOpts = Object.assign({}, o, { useGrouping: grouping === false ? 'false' : grouping });
		return { resolved: o, parts: native.numberFormat(goOpts) };
	}, {});
	const toIntlMathematicalValue = (x) => typeof x === 'bigint' ? x : Number(x);
	const nfProto = NumberFormat.prototype;
	defineGetter(nfProto, 'format', function () {
		const s = slots(this, 'NumberFormat', 'get Intl.NumberFormat.prototype.format');
		if (!s.bound) {
			s.bound = (x) => s.parts(toIntlMathematicalValue(x)).map((p) => p.value).join('');
		}
		return s.bound;
	});
	defineMethod(nfProto, 'formatToParts', function (x) {
		const s = slots(this, 'NumberFormat', 'Intl.NumberFormat.prototype.formatToParts');
		return s.parts(toIntlMathematicalValue(x));
	}, 1);
	defineMethod(nfProto, 'resolvedOptions', function () {
		return Object.assign({}, slots(this, 'NumberFormat', 'Intl.NumberFormat.prototype.resolvedOptions').resolved);
	}, 0);
	const cachedNumberFormat = (locales, options) => {
		if (options !== undefined || (locales !== undefined && typeof locales !== 'string')) return new NumberFormat(locales, options);
		const key = String(locales);
		let f = numberFormats.get(key);
		if (f === undefined) {
			f = new NumberFormat(locales);
			numberFormats.set(key, f);
		}
		return f;
	};
	defineMethod(Number.prototype, 'toLocaleString', function toLocaleString() {
		let x = this;
		if (typeof x !== 'number') {
			if (!(x instanceof Number)) throw new TypeError('Number.prototype.toLocaleString requires that \'this\' be a Number');
			x = Number.prototype.valueOf.call(x);
		}
		return cachedNumberFormat(arguments[0], arguments[1]).format(x);
	}, 0);
	if (typeof BigInt === 'function') {
		defineMethod(BigInt.prototype, 'toLocaleString', function toLocaleString() {
			const x = BigInt.prototype.valueOf.call(this);
			return cachedNumberFormat(arguments[0], arguments[1]).format(x);
		}, 0);
	}

	// DateTimeFormat (en patterns).
	const dateFields = ['weekday', 'year', 'month', 'day'];
	const timeFields = ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits'];
	const componentTable = [
		['weekday', ['narrow', 'short', 'long']],
		['era', ['narrow', 'short', 'long']],
		['year', ['2-digit', 'numeric']],
		['month', ['2-digit', 'numeric', 'narrow', 'short', 'long']],
		['day', ['2-digit', 'numeric']],
		['dayPeriod', ['narrow', 'short', 'long']],
		['hour', ['2-digit', 'numeric']],
		['minute', ['2-digit', 'numeric']],
		['second', ['2-digit', 'numeric']],
		['fractionalSecondDigits', null],
		['timeZoneName', ['short', 'long', 'shortOffset', 'longOffset', 'shortGeneric', 'longGeneric']],
	];
	function createDateTimeFormat(locales, options, required, defaults) {
		const requested = canonicalizeLocaleList(locales);
		options = toOptions(options);
		const svc = 'Intl.DateTimeFormat';
		readLocaleMatcher(options, svc);
		const ca = getOption(options, 'calendar', 'string', undefined, undefined, svc);
		if (ca !== undefined && ca !== 'gregory') throw new TypeError('calendar ' + ca + ' is not supported');
		const nu = getOption(options, 'numberingSystem', 'string', undefined, undefined, svc);
		if (nu !== undefined && nu !== 'latn') throw new TypeError('numberingSystem ' + nu + ' is not supported');
		const hour12 = getOption(options, 'hour12', 'boolean', undefined, undefined, svc);
		let hourCycle = getOption(options, 'hourCycle', 'string', ['h11', 'h12', 'h23', 'h24'], undefined, svc);
		if (hour12 !== undefined) hourCycle = null;
		const o = { locale: native.resolve(requested, true), calendar: 'gregory', numberingSystem: 'latn' };
		if (hour12 === undefined && hourCycle === undefined) {
			// The -u-hc keyword of the requested locale.
			const hc = /-u(?:-[a-z0-9]{2,8})*?-hc-(h11|h12|h23|h24)(?:-|$)/.exec(requested.find((r) => r.startsWith(o.locale)) || '');
			if (hc !== null) hourCycle = hc[1];
		}
		const tz = options.timeZone;
		o.timeZone = tz === undefined ? native.localZone() : native.zone(String(tz));
		const c = {};
		for (const [prop, values] of componentTable) {
			if (prop === 'fractionalSecondDigits') {
				c[prop] = defaultNumberOption(options[prop], 1, 3, undefined, prop);
			} else {
				c[prop] = getOption(options, prop, 'string', values, undefined, svc);
			}
		}
		getOption(options, 'formatMatcher', 'string', ['basic', 'best fit'], 'best fit', svc);
		const dateStyle = getOption(options, 'dateStyle', 'string', ['full', 'long', 'medium', 'short'], undefined, svc);
		const timeStyle = getOption(options, 'timeStyle', 'string', ['full', 'long', 'medium', 'short'], undefined, svc);
		if (c.dayPeriod !== undefined) throw new TypeError('dayPeriod is not supported');
		if (c.timeZoneName === 'shortGeneric' || c.timeZoneName === 'longGeneric') {
			throw new TypeError('timeZoneName ' + c.timeZoneName + ' is not supported');
		}
		if (dateStyle !== undefined || timeStyle !== undefined) {
			for (const [prop] of componentTable) {
				if (c[prop] !== undefined) {
					throw new TypeError("Can't set option " + prop + ' when ' + (dateStyle !== undefined ? 'dateStyle' : 'timeStyle') + ' is used');
				}
			}
			if (required === 'date' && dateStyle === undefined) throw new TypeError('Invalid option : timeStyle');
			if (required === 'time' && timeStyle === undefined) throw new TypeError('Invalid option : dateStyle');
		} else {
			let needDefaults = true;
			if (required === 'date' || required === 'any') for (const f of dateFields) if (c[f] !== undefined) needDefaults = false;
			if (required === 'time' || required === 'any') for (const f of timeFields) if (c[f] !== undefined) needDefaults = false;
			if (needDefaults && (defaults === 'date' || defaults === 'all')) c.year = c.month = c.day = 'numeric';
			if (needDefaults && (defaults === 'time' || defaults === 'all')) c.hour = c.minute = c.second = 'numeric';
		}
		const showsHour = c.hour !== undefined || timeStyle !== undefined;
		let hc;
		if (showsHour) {
			// V8 maps hour12: false to h24 for en-US ("24:05" after midnight).
			if (hour12 !== undefined) hc = hour12 ? 'h12' : 'h24';
			else hc = hourCycle === undefined || hourCycle === null ? 'h12' : hourCycle;
			o.hourCycle = hc;
			o.hour12 = hc === 'h12' || hc === 'h11';
		}
		if (c.hour !== undefined && (hc === 'h23' || hc === 'h24')) c.hour = '2-digit';
		if (c.hour !== undefined || c.minute !== undefined && c.second !== undefined) {
			if (c.minute !== undefined) c.minute = '2-digit';
			if (c.second !== undefined) c.second = '2-digit';
		}
		if (dateStyle === undefined && timeStyle === undefined) {
			for (const [prop] of componentTable) if (c[prop] !== undefined) o[prop] = c[prop];
		} else {
			if (dateStyle !== undefined) o.dateStyle = dateStyle;
			if (timeStyle !== undefined) o.timeStyle = timeStyle;
		}
		const goOpts = Object.assign({}, c, { hourCycle: hc, dateStyle, timeStyle, timeZone: o.timeZone });
		return { resolved: o, parts: native.dateFormat(goOpts) };
	}
	const DateTimeFormat = makeConstructor('DateTimeFormat', (locales, options) => createDateTimeFormat(locales, options, 'any', 'date'), { englishOnly: true });
	const timeValue = (date) => {
		let x = date === undefined ? Date.now() : Number(date);
		if (!isFinite(x) || Math.abs(x) > 8.64e15) throw new RangeError('Invalid time value');
		return Math.trunc(x) + 0;
	};
	const joinDate = (parts) => parts.map((p) => p.value).join('').replace(/\u202f/g, ' ');
	const dtfProto = DateTimeFormat.prototype;
	defineGetter(dtfProto, 'format', function () {
		const s = slots(this, 'DateTimeFormat', 'get Intl.DateTimeFormat.prototype.format');
		if (!s.bound) s.bound = (date) => joinDate(s.parts(timeValue(date)));
		return s.bound;
	});
	defineMethod(dtfProto, 'formatToParts', function (date) {
		return slots(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.formatToParts').parts(timeValue(date));
	}, 1);
	defineMethod(dtfProto, 'resolvedOptions', function () {
		return Object.assign({}, slots(this, 'DateTimeFormat', 'Intl.DateTimeFormat.prototype.resolvedOptions').resolved);
	}, 0);
	const dateToLocale = (name, required, defaults) => {
		const cache = new Map();
		defineMethod(Date.prototype, name, function () {
			const t = Date.prototype.getTime.call(this);
			if (t !== t) return 'Invalid Date';
			const locales = arguments[0], options = arguments[1];
			let s;
			if (options === undefined && (locales === undefined || typeof locales === 'string')) {
				const key = String(locales);
				s = cache.get(key);
				if (s === undefined) {
					s = createDateTimeFormat(locales, undefined, required, defaults);
					cache.set(key, s);
				}
			} else {
				s = createDateTimeFormat(locales, options, required, defaults);
			}
			return joinDate(s.parts(t));
		}, 0);
	};
	dateToLocale('toLocaleString', 'any', 'all');
	dateToLocale('toLocaleDateString', 'date', 'date');
	dateToLocale('toLocaleTimeString', 'time', 'time');

	// Collator.
	const Collator = makeConstructor('Collator', function (locales, options) {
		const requested = canonicalizeLocaleList(locales);
		options = toOptions(options);
		const svc = 'Intl.Collator';
		const usage = getOption(options, 'usage', 'string', ['sort', 'search'], 'sort', svc);
		readLocaleMatcher(options, svc);
		getOption(options, 'collation', 'string', undefined, undefined, svc);
		let numeric = getOption(options, 'numeric', 'boolean', undefined, undefined, svc);
		const caseFirst = getOption(options, 'caseFirst', 'string', ['upper', 'lower', 'false'], 'false', svc);
		// x/text's collation ignores the kf keyword.
		if (caseFirst === 'upper') throw new TypeError('Intl.Collator caseFirst "upper" is not supported');
		const sensitivity = getOption(options, 'sensitivity', 'string', ['base', 'accent', 'case', 'variant'], 'variant', svc);
		const ignorePunctuation = getOption(options, 'ignorePunctuation', 'boolean', undefined, false, svc);
		const locale = native.resolve(requested, false);
		// The -u-kn keyword of the requested locale, when the option is absent.
		const kn = /-u(?:-[a-z0-9]{2,8})*?-kn(?:-(true|false))?(?:-|$)/.exec(requested.find((r) => r.startsWith(locale.split('-u-')[0])) || '');
		if (numeric === undefined) numeric = kn !== null && kn[1] !== 'false';
		const o = { locale: locale.split('-u-')[0] + (kn !== null && numeric === (kn[1] !== 'false') ? '-u-kn' + (kn[1] === 'false' ? '-false' : '') : ''),
			usage, sensitivity, ignorePunctuation, collation: 'default', numeric, caseFirst };
		return { resolved: o, compare: native.collator(o) };
	}, {});
	const collProto = Collator.prototype;
	defineGetter(collProto, 'compare', function () {
		const s = slots(this, 'Collator', 'get Intl.Collator.prototype.compare');
		if (!s.bound) s.bound = (a, b) => s.compare(String(a), String(b));
		return s.bound;
	});
	defineMethod(collProto, 'resolvedOptions', function () {
		return Object.assign({}, slots(this, 'Collator', 'Intl.Collator.prototype.resolvedOptions').resolved);
	}, 0);
	let defaultCollator;
	// Named parameters rather than arguments: a sort calls this often.
	defineMethod(String.prototype, 'localeCompare', function localeCompare(that, locales, options) {
		if (this === null || this === undefined) throw new TypeError('String.prototype.localeCompare called on null or undefined');
		const s = String(this), t = String(that);
		if (locales === undefined && options === undefined) {
			if (defaultCollator === undefined) defaultCollator = slots(new Collator(), 'Collator', 'localeCompare').compare;
			return defaultCollator(s, t);
		}
		return slots(new Collator(locales, options), 'Collator', 'localeCompare').compare(s, t);
	}, 1);

	// PluralRules.
	const PluralRules = makeConstructor('PluralRules', function (locales, options) {
		const requested = canonicalizeLocaleList(locales);
		options = toOptions(options);
		const svc = 'Intl.PluralRules';
		readLocaleMatcher(options, svc);
		const type = getOption(options, 'type', 'string', ['cardinal', 'ordinal'], 'cardinal', svc);
		const digits = {};
		setDigitOptions(digits, options, 0, 3, 'standard');
		if (digits.minimumSignificantDigits !== undefined) throw new TypeError('significant digits are not supported by Intl.PluralRules here');
		const o = { locale: native.resolve(requested, false), type, minimumIntegerDigits: digits.minimumIntegerDigits,
			minimumFractionDigits: digits.minimumFractionDigits, maximumFractionDigits: digits.maximumFractionDigits };
		o.pluralCategories = native.pluralCategories(o.locale, type);
		return { resolved: o };
	}, { requiresNew: true });
	defineMethod(PluralRules.prototype, 'select', function (n) {
		const s = slots(this, 'PluralRules', 'Intl.PluralRules.prototype.select');
		const x = Number(n);
		if (!isFinite(x)) return 'other';
		const r = s.resolved;
		return native.plural(r.locale, r.type, Math.abs(x), r.minimumFractionDigits, r.maximumFractionDigits);
	}, 1);
	defineMethod(PluralRules.prototype, 'resolvedOptions', function () {
		const r = slots(this, 'PluralRules', 'Intl.PluralRules.prototype.resolvedOptions').resolved;
		return Object.assign({}, r, { pluralCategories: r.pluralCategories.slice() });
	}, 0);

	// RelativeTimeFormat (en).
	const rtfUnits = { second: ['second', 'sec.', 's'], minute: ['minute', 'min.', 'm'], hour: ['hour', 'hr.', 'h'],
		day: ['day', 'day', 'd'], week: ['week', 'wk.', 'w'], month: ['month', 'mo.', 'mo'],
		quarter: ['quarter', 'qtr.', 'q'], year: ['year', 'yr.', 'y'] };
	const rtfAuto = {
		second: { 0: 'now' }, minute: { 0: 'this minute' }, hour: { 0: 'this hour' },
		day: { '-1': 'yesterday', 0: 'today', 1: 'tomorrow' },
		week: ['week', 'wk.'], month: ['month', 'mo.'], quarter: ['quarter', 'qtr.'], year: ['year', 'yr.'],
	};
	const RelativeTimeFormat = makeConstructor('RelativeTimeFormat', function (locales, options) {
		const requested = canonicalizeLocaleList(locales);
		options = toOptions(options);
		const svc = 'Intl.RelativeTimeFormat';
		readLocaleMatcher(options, svc);
		const nu = getOption(options, 'numberingSystem', 'string', undefined, undefined, svc);
		if (nu !== undefined && nu !== 'latn') throw new TypeError('numberingSystem ' + nu + ' is not supported');
		const style = getOption(options, 'style', 'string', ['long', 'short', 'narrow'], 'long', svc);
		const numeric = getOption(options, 'numeric', 'string', ['always', 'auto'], 'always', svc);
		const o = { locale: native.resolve(requested, true), style, numeric, numberingSystem: 'latn' };
		return { resolved: o, nf: new NumberFormat(o.locale), pr: new PluralRules(o.locale) };
	}, { requiresNew: true, englishOnly: true });
	function relativeParts(s, value, unit, method) {
		let v = Number(value);
		let u = String(unit);
		if (u.endsWith('s')) u = u.slice(0, -1);
		if (!isFinite(v)) throw new RangeError('Value need to be finite number for Intl.RelativeTimeFormat.prototype.' + method + '()');
		if (!(u in rtfUnits)) throw new RangeError('Invalid unit argument for Intl.RelativeTimeFormat.prototype.' + method + "() '" + String(unit) + "'");
		const { style, numeric } = s.resolved;
		if (numeric === 'auto') {
			const a = rtfAuto[u];
			let phrase;
			if (Array.isArray(a)) {
				const name = style === 'long' ? a[0] : a[1];
				if (v === -1) phrase = 'last ' + name;
				else if (v === 0 && !Object.is(v, -0) || Object.is(v, -0)) phrase = 'this ' + name;
				else if (v === 1) phrase = 'next ' + name;
			} else if (String(v) in a || Object.is(v, -0) && 0 in a) {
				phrase = a[Object.is(v, -0) ? 0 : String(v)];
			}
			if (phrase !== undefined) return [{ type: 'literal', value: phrase }];
		}
		const past = v < 0 || Object.is(v, -0);
		const abs = Math.abs(v);
		const numParts = s.nf.formatToParts(abs).map((p) => ({ type: p.type, value: p.value, unit: u }));
		const names = rtfUnits[u];
		let name;
		if (style === 'long') name = ' ' + names[0] + (s.pr.select(abs) === 'one' ? '' : 's');
		else if (style === 'short') {
			name = ' ' + names[1];
			if (u === 'day' && s.pr.select(abs) !== 'one') name += 's';
			if (u === 'quarter' && s.pr.select(abs) !== 'one') name = ' qtrs.';
		} else {
			name = u === 'day' || u === 'quarter' && false ? names[2] : names[2];
		}
		if (past) return numParts.concat([{ type: 'literal', value: name + ' ago' }]);
		return [{ type: 'literal', value: 'in ' }].concat(numParts, [{ type: 'literal', value: name }]);
	}
	defineMethod(RelativeTimeFormat.prototype, 'format', function (value, unit) {
		const s = slots(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.format');
		return relativeParts(s, value, unit, 'format').map((p) => p.value).join('');
	}, 2);
	defineMethod(RelativeTimeFormat.prototype, 'formatToParts', function (value, unit) {
		const s = slots(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.formatToParts');
		return relativeParts(s, value, unit, 'formatToParts');
	}, 2);
	defineMethod(RelativeTimeFormat.prototype, 'resolvedOptions', function () {
		return Object.assign({}, slots(this, 'RelativeTimeFormat', 'Intl.RelativeTimeFormat.prototype.resolvedOptions').resolved);
	}, 0);

	// ListFormat (en).
	const listPatterns = {
		conjunction: { long: [', ', ' and ', ', and '], short: [', ', ' & ', ', & '], narrow: [', ', ', ', ', '] },
		disjunction: { long: [', ', ' or ', ', or '], short: [', ', ' or ', ', or '], narrow: [', ', ' or ', ', or '] },
		unit: { long: [', ', ', ', ', '], short: [', ', ', ', ', '], narrow: [' ', ' ', ' '] },
	};
	const ListFormat = makeConstructor('ListFormat', function (locales, options) {
		const requested = canonicalizeLocaleList(locales);
		options = toOptions(options);
		const svc = 'Intl.ListFormat';
		readLocaleMatcher(options, svc);
		const type = getOption(options, 'type', 'string', ['conjunction', 'disjunction', 'unit'], 'conjunction', svc);
		const style = getOption(options, 'style', 'string', ['long', 'short', 'narrow'], 'long', svc);
		return { resolved: { locale: native.resolve(requested, true), type, style } };
	}, { requiresNew: true, englishOnly: true });
	function listParts(s, list) {
		const items = [];
		if (list !== undefined) {
			for (const x of list) {
				if (typeof x !== 'string') throw new TypeError('Iterable yielded ' + (typeof x === 'symbol' ? x.toString() : String(x)) + ' which is not a string');
				items.push(x);
			}
		}
		const [middle, pair, last] = listPatterns[s.resolved.type][s.resolved.style];
		const parts = [];
		items.forEach((x, i) => {
			if (i > 0) {
				const sep = items.length === 2 ? pair : i === items.length - 1 ? last : middle;
				parts.push({ type: 'literal', value: sep });
			}
			parts.push({ type: 'element', value: x });
		});
		return parts;
	}
	defineMethod(ListFormat.prototype, 'format', function (list) {
		return listParts(slots(this, 'ListFormat', 'Intl.ListFormat.prototype.format'), list).map((p) => p.value).join('');
	}, 1);
	defineMethod(ListFormat.prototype, 'formatToParts', function (list) {
		return listParts(slots(this, 'ListFormat', 'Intl.ListFormat.prototype.formatToParts'), list);
	}, 1);
	defineMethod(ListFormat.prototype, 'resolvedOptions', function () {
		return Object.assign({}, slots(this, 'ListFormat', 'Intl.ListFormat.prototype.resolvedOptions').resolved);
	}, 0);

	// Segmenter (grapheme granularity: UAX #29's extended grapheme clusters).
	const Segmenter = makeConstructor('Segmenter', function (locales, options) {
		const requested = canonicalizeLocaleList(locales);
		if (options === undefined) options = Object.create(null);
		else if (options === null || typeof options !== 'object') throw new TypeError('Options must be an object');
		const svc = 'Intl.Segmenter';
		readLocaleMatcher(options, svc);
		const granularity = getOption(options, 'granularity', 'string', ['grapheme', 'word', 'sentence'], 'grapheme', svc);
		if (granularity !== 'grapheme') throw new TypeError('Intl.Segmenter granularity "' + granularity + '" is not supported');
		return { resolved: { locale: native.resolve(requested, false), granularity } };
	}, { requiresNew: true });
	const segmentsProto = {};
	const segmentData = (input, bounds, i) => ({ segment: input.slice(bounds[i], bounds[i + 1]), index: bounds[i], input });
	const segmentIteratorProto = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));
	defineMethod(segmentIteratorProto, 'next', function () {
		const s = slots(this, 'SegmentIterator', '%SegmentIterator.prototype%.next');
		if (s.i >= s.bounds.length - 1) return { value: undefined, done: true };
		return { value: segmentData(s.input, s.bounds, s.i++), done: false };
	}, 0);
	Object.defineProperty(segmentIteratorProto, Symbol.toStringTag, { value: 'Segmenter String Iterator', configurable: true });
	defineMethod(segmentsProto, 'containing', function (index) {
		const s = slots(this, 'Segments', '%Segments.prototype%.containing');
		const n = Math.trunc(Number(index)) || 0;
		if (n < 0 || n >= s.input.length) return undefined;
		let lo = 0, hi = s.bounds.length - 2;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (s.bounds[mid] <= n) lo = mid; else hi = mid - 1;
		}
		return segmentData(s.input, s.bounds, lo);
	}, 1);
	defineMethod(segmentsProto, Symbol.iterator, function () {
		const s = slots(this, 'Segments', '%Segments.prototype%[@@iterator]');
		const it = Object.create(segmentIteratorProto);
		internal.set(it, { kind: 'SegmentIterator', input: s.input, bounds: s.bounds, i: 0 });
		return it;
	}, 0);
	Object.defineProperty(segmentsProto[Symbol.iterator], 'name', { value: '[Symbol.iterator]' });
	defineMethod(Segmenter.prototype, 'segment', function (string) {
		slots(this, 'Segmenter', 'Intl.Segmenter.prototype.segment');
		const input = String(string);
		const segments = Object.create(segmentsProto);
		internal.set(segments, { kind: 'Segments', input, bounds: input.length ? native.graphemes(input) : [0] });
		return segments;
	}, 1);
	defineMethod(Segmenter.prototype, 'resolvedOptions', function () {
		return Object.assign({}, slots(this, 'Segmenter', 'Intl.Segmenter.prototype.resolvedOptions').resolved);
	}, 0);

	// Locale.
	const localeKeys = [['calendar', 'ca'], ['collation', 'co'], ['hourCycle', 'hc'], ['caseFirst', 'kf'], ['numeric', 'kn'], ['numberingSystem', 'nu']];
	const parseLocale = (tag) => {
		const [base, ext] = tag.split('-u-');
		const subtags = base.split('-');
		const out = { language: subtags[0], script: undefined, region: undefined, variants: [], keywords: {}, other: '' };
		let i = 1;
		if (/^[A-Z][a-z]{3}$/.test(subtags[i] || '')) out.script = subtags[i++];
		if (/^([A-Z]{2}|[0-9]{3})$/.test(subtags[i] || '')) out.region = subtags[i++];
		out.variants = subtags.slice(i);
		if (ext !== undefined) {
			const parts = ext.split('-');
			let key = null;
			for (let j = 0; j < parts.length; j++) {
				const p = parts[j];
				if (p.length === 1) { out.other = '-' + parts.slice(j).join('-'); break; }
				if (p.length === 2) { key = p; out.keywords[key] = ''; }
				else if (key !== null) out.keywords[key] = out.keywords[key] ? out.keywords[key] + '-' + p : p;
			}
		}
		return out;
	};
	const localeString = (l) => {
		let s = [l.language, l.script, l.region].concat(l.variants).filter((x) => x !== undefined).join('-');
		const keys = Object.keys(l.keywords).sort();
		if (keys.length) s += '-u-' + keys.map((k) => l.keywords[k] === '' || l.keywords[k] === 'true' ? k : k + '-' + l.keywords[k]).join('-');
		return s + l.other;
	};
	const Locale = makeConstructor('Locale', function (tag, options) {
		if (typeof tag !== 'string' && (tag === null || typeof tag !== 'object')) {
			throw new TypeError("First argument to Intl.Locale constructor can't be empty or missing");
		}
		const inner = typeof tag === 'object' ? internal.get(tag) : undefined;
		const l = parseLocale(inner !== undefined && inner.kind === 'Locale' ? inner.tag : native.canonical(String(tag)));
		options = toOptions(options);
		const svc = 'Intl.Locale';
		for (const k of ['language', 'script', 'region']) {
			const v = getOption(options, k, 'string', undefined, undefined, svc);
			if (v !== undefined) l[k] = v;
		}
		for (const [name, key] of localeKeys) {
			let v = name === 'numeric' ? options.numeric : getOption(options, name, 'string', undefined, undefined, svc);
			if (v === undefined) continue;
			if (name === 'numeric') v = String(Boolean(v));
			l.keywords[key] = v;
		}
		return { tag: native.canonical(localeString(l)) };
	}, { requiresNew: true });
	Object.defineProperty(Locale, 'length', { value: 1, configurable: true });
	delete Locale.supportedLocalesOf;
	const localeProto = Locale.prototype;
	const tagOf = (self, method) => slots(self, 'Locale', method).tag;
	defineMethod(localeProto, 'toString', function () { return tagOf(this, 'Intl.Locale.prototype.toString'); }, 0);
	defineMethod(localeProto, 'maximize', function () {
		const l = parseLocale(tagOf(this, 'Intl.Locale.prototype.maximize'));
		const m = parseLocale(native.likely([l.language, l.script, l.region].filter((x) => x !== undefined).join('-')));
		return new Locale(localeString(Object.assign(l, { language: m.language, script: l.script || m.script, region: l.region || m.region })));
	}, 0);
	defineMethod(localeProto, 'minimize', function () {
		const l = parseLocale(tagOf(this, 'Intl.Locale.prototype.minimize'));
		const max = native.likely([l.language, l.script, l.region].filter((x) => x !== undefined).join('-'));
		let min = [max.split('-')[0]];
		for (const trial of [[l.language], [l.language, l.region], [l.language, l.script]]) {
			if (trial.includes(undefined)) continue;
			if (native.likely(trial.join('-')) === max) { min = trial; break; }
		}
		const m = { language: min[0], script: undefined, region: undefined };
		if (min.length === 2) { if (min[1] === l.region) m.region = l.region; else m.script = l.script; }
		return new Locale(localeString(Object.assign(l, m)));
	}, 0);
	const localeGetter = (name, fn) => defineGetter(localeProto, name, function () {
		return fn(parseLocale(tagOf(this, 'get Intl.Locale.prototype.' + name)));
	});
	localeGetter('baseName', (l) => [l.language, l.script, l.region].concat(l.variants).filter((x) => x !== undefined).join('-'));
	for (const [name, key] of localeKeys) {
		localeGetter(name, (l) => {
			const v = l.keywords[key];
			if (name === 'numeric') return v === '' || v === 'true';
			return v === undefined ? undefined : v;
		});
	}
	localeGetter('language', (l) => l.language);
	localeGetter('script', (l) => l.script);
	localeGetter('region', (l) => l.region);

	// DisplayNames (language, region and script names from x/text's CLDR data).
	const DisplayNames = makeConstructor('DisplayNames', function (locales, options) {
		const requested = canonicalizeLocaleList(locales);
		if (options === undefined) throw new TypeError('invalid_argument');
		options = toOptions(options);
		const svc = 'Intl.DisplayNames';
		readLocaleMatcher(options, svc);
		const style = getOption(options, 'style', 'string', ['narrow', 'short', 'long'], 'long', svc);
		const type = getOption(options, 'type', 'string', ['language', 'region', 'script', 'currency', 'calendar', 'dateTimeField'], undefined, svc);
		if (type === undefined) throw new TypeError('invalid_argument');
		const fallback = getOption(options, 'fallback', 'string', ['code', 'none'], 'code', svc);
		const languageDisplay = getOption(options, 'languageDisplay', 'string', ['dialect', 'standard'], 'dialect', svc);
		if (type !== 'language' && type !== 'region' && type !== 'script') throw new TypeError('Intl.DisplayNames type "' + type + '" is not supported');
		if (style !== 'long') throw new TypeError('Intl.DisplayNames style "' + style + '" is not supported');
		if (languageDisplay !== 'dialect') throw new TypeError('Intl.DisplayNames languageDisplay "standard" is not supported');
		const o = { locale: native.resolve(requested, false), style, type, fallback };
		if (type === 'language') o.languageDisplay = languageDisplay;
		return { resolved: o };
	}, { requiresNew: true });
	defineMethod(DisplayNames.prototype, 'of', function (code) {
		const r = slots(this, 'DisplayNames', 'Intl.DisplayNames.prototype.of').resolved;
		let c = String(code);
		const valid = r.type === 'region' ? /^([A-Za-z]{2}|[0-9]{3})$/.test(c)
			: r.type === 'script' ? /^[A-Za-z]{4}$/.test(c)
			: /^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$/.test(c);
		if (!valid) throw new RangeError('invalid_argument');
		// ICU looks region and script codes up as given: "de" is no region.
		const canonical = r.type === 'region' ? /^([A-Z]{2}|[0-9]{3})$/.test(c)
			: r.type === 'script' ? /^[A-Z][a-z]{3}$/.test(c) : true;
		if (r.type === 'language') c = native.canonical(c);
		const name = canonical ? native.displayName(r.locale, r.type, c) : '';
		if (name !== '') return name;
		return r.fallback === 'code' ? c : undefined;
	}, 1);
	defineMethod(DisplayNames.prototype, 'resolvedOptions', function () {
		return Object.assign({}, slots(this, 'DisplayNames', 'Intl.DisplayNames.prototype.resolvedOptions').resolved);
	}, 0);

	// toLocaleLowerCase and toLocaleUpperCase: Turkish, Azeri and Lithuanian
	// have their own rules (x/text/cases); every other language maps as
	// toLowerCase and toUpperCase do.
	for (const [name, plain, upper] of [['toLocaleLowerCase', String.prototype.toLowerCase, false], ['toLocaleUpperCase', String.prototype.toUpperCase, true]]) {
		defineMethod(String.prototype, name, function (locales) {
			if (this === null || this === undefined) throw new TypeError('String.prototype.' + name + ' called on null or undefined');
			const s = String(this);
			const list = canonicalizeLocaleList(locales);
			const lang = (list.length ? list[0] : 'en-US').split('-')[0];
			if (lang === 'tr' || lang === 'az' || lang === 'lt') return native.caseMap(lang, s, upper);
			return plain.call(s);
		}, 0);
	}

	const Intl = {};
	defineMethod(Intl, 'getCanonicalLocales', function (locales) { return canonicalizeLocaleList(locales); }, 1);
	for (const [name, ctor] of [['Collator', Collator], ['DateTimeFormat', DateTimeFormat], ['ListFormat', ListFormat],
		['NumberFormat', NumberFormat], ['PluralRules', PluralRules], ['RelativeTimeFormat', RelativeTimeFormat], ['Segmenter', Segmenter], ['Locale', Locale], ['DisplayNames', DisplayNames]]) {
		Object.defineProperty(Intl, name, { value: ctor, writable: true, enumerable: false, configurable: true });
	}
	Object.defineProperty(Intl, Symbol.toStringTag, { value: 'Intl', configurable: true });
	Object.defineProperty(globalThis, 'Intl', { value: Intl, writable: true, enumerable: false, configurable: true });
})
