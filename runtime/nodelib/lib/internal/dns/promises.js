"use strict";
const {
  ArrayPrototypeMap,
  ObjectDefineProperty,
  Promise,
  ReflectApply,
  Symbol
} = primordials;
const {
  bindDefaultResolver,
  createResolverClass,
  validateHints,
  emitInvalidHostnameWarning,
  errorCodes: dnsErrorCodes,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setDefaultResolver,
  validDnsOrders,
  validFamilies
} = require("internal/dns/utils");
const {
  NODATA,
  FORMERR,
  SERVFAIL,
  NOTFOUND,
  NOTIMP,
  REFUSED,
  BADQUERY,
  BADNAME,
  BADFAMILY,
  BADRESP,
  CONNREFUSED,
  TIMEOUT,
  EOF,
  FILE,
  NOMEM,
  DESTRUCTION,
  BADSTR,
  BADFLAGS,
  NONAME,
  BADHINTS,
  NOTINITIALIZED,
  LOADIPHLPAPI,
  ADDRGETNETWORKPARAMS,
  CANCELLED
} = dnsErrorCodes;
const { codes, DNSException } = require("internal/errors");
const { isIP } = require("internal/net");
const {
  getaddrinfo,
  getnameinfo,
  GetAddrInfoReqWrap,
  GetNameInfoReqWrap,
  QueryReqWrap,
  DNS_ORDER_VERBATIM,
  DNS_ORDER_IPV4_FIRST,
  DNS_ORDER_IPV6_FIRST
} = internalBinding("cares_wrap");
const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_ARGS
} = codes;
const {
  validateBoolean,
  validateNumber,
  validateOneOf,
  validatePort,
  validateString
} = require("internal/validators");
const kPerfHooksDnsLookupContext = Symbol("kPerfHooksDnsLookupContext");
const kPerfHooksDnsLookupServiceContext = Symbol("kPerfHooksDnsLookupServiceContext");
const kPerfHooksDnsLookupResolveContext = Symbol("kPerfHooksDnsLookupResolveContext");
const {
  hasObserver,
  startPerf,
  stopPerf
} = require("internal/perf/observe");
function onlookup(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, "getaddrinfo", this.hostname));
    return;
  }
  const family = this.family || isIP(addresses[0]);
  this.resolve({ address: addresses[0], family });
  if (this[kPerfHooksDnsLookupContext] && hasObserver("dns")) {
    stopPerf(this, kPerfHooksDnsLookupContext, { detail: { addresses } });
  }
}
function onlookupall(err, addresses) {
  if (err) {
    this.reject(new DNSException(err, "getaddrinfo", this.hostname));
    return;
  }
  const family = this.family;
  for (let i = 0; i < addresses.length; i++) {
    const address = addresses[i];
    addresses[i] = {
      address,
      family: family || isIP(addresses[i])
    };
  }
  this.resolve(addresses);
  if (this[kPerfHooksDnsLookupContext] && hasObserver("dns")) {
    stopPerf(this, kPerfHooksDnsLookupContext, { detail: { addresses } });
  }
}
function createLookupPromise(family, hostname, all, hints, dnsOrder) {
  return new Promise((resolve2, reject) => {
    if (!hostname) {
      emitInvalidHostnameWarning(hostname);
      resolve2(all ? [] : { address: null, family: family === 6 ? 6 : 4 });
      return;
    }
    const matchedFamily = isIP(hostname);
    if (matchedFamily !== 0) {
      const result = { address: hostname, family: matchedFamily };
      resolve2(all ? [result] : result);
      return;
    }
    const req = new GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.oncomplete = all ? onlookupall : onlookup;
    req.resolve = resolve2;
    req.reject = reject;
    let order = DNS_ORDER_VERBATIM;
    if (dnsOrder === "ipv4first") {
      order = DNS_ORDER_IPV4_FIRST;
    } else if (dnsOrder === "ipv6first") {
      order = DNS_ORDER_IPV6_FIRST;
    }
    const err = getaddrinfo(req, hostname, family, hints, order);
    if (err) {
      reject(new DNSException(err, "getaddrinfo", hostname));
    } else if (hasObserver("dns")) {
      const detail = {
        hostname,
        family,
        hints,
        verbatim: order === DNS_ORDER_VERBATIM,
        order: dnsOrder
      };
      startPerf(req, kPerfHooksDnsLookupContext, { type: "dns", name: "lookup", detail });
    }
  });
}
function lookup(hostname, options) {
  let hints = 0;
  let family = 0;
  let all = false;
  let dnsOrder = getDefaultResultOrder();
  if (hostname) {
    validateString(hostname, "hostname");
  }
  if (typeof options === "number") {
    validateOneOf(options, "family", validFamilies);
    family = options;
  } else if (options !== void 0 && typeof options !== "object") {
    throw new ERR_INVALID_ARG_TYPE("options", ["integer", "object"], options);
  } else {
    if (options?.hints != null) {
      validateNumber(options.hints, "options.hints");
      hints = options.hints >>> 0;
      validateHints(hints);
    }
    if (options?.family != null) {
      validateOneOf(options.family, "options.family", validFamilies);
      family = options.family;
    }
    if (options?.all != null) {
      validateBoolean(options.all, "options.all");
      all = options.all;
    }
    if (options?.verbatim != null) {
      validateBoolean(options.verbatim, "options.verbatim");
      dnsOrder = options.verbatim ? "verbatim" : "ipv4first";
    }
    if (options?.order != null) {
      validateOneOf(options.order, "options.order", validDnsOrders);
      dnsOrder = options.order;
    }
  }
  return createLookupPromise(family, hostname, all, hints, dnsOrder);
}
function onlookupservice(err, hostname, service) {
  if (err) {
    this.reject(new DNSException(err, "getnameinfo", this.host));
    return;
  }
  this.resolve({ hostname, service });
  if (this[kPerfHooksDnsLookupServiceContext] && hasObserver("dns")) {
    stopPerf(this, kPerfHooksDnsLookupServiceContext, { detail: { hostname, service } });
  }
}
function createLookupServicePromise(hostname, port) {
  return new Promise((resolve2, reject) => {
    const req = new GetNameInfoReqWrap();
    req.hostname = hostname;
    req.port = port;
    req.oncomplete = onlookupservice;
    req.resolve = resolve2;
    req.reject = reject;
    const err = getnameinfo(req, hostname, port);
    if (err)
      reject(new DNSException(err, "getnameinfo", hostname));
    else if (hasObserver("dns")) {
      startPerf(req, kPerfHooksDnsLookupServiceContext, {
        type: "dns",
        name: "lookupService",
        detail: {
          host: hostname,
          port
        }
      });
    }
  });
}
function lookupService(address, port) {
  if (arguments.length !== 2)
    throw new ERR_MISSING_ARGS("address", "port");
  if (isIP(address) === 0)
    throw new ERR_INVALID_ARG_VALUE("address", address);
  validatePort(port);
  return createLookupServicePromise(address, +port);
}
function onresolve(err, result, ttls) {
  if (err) {
    this.reject(new DNSException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl)
    result = ArrayPrototypeMap(
      result,
      (address, index) => ({ address, ttl: ttls[index] })
    );
  this.resolve(result);
  if (this[kPerfHooksDnsLookupResolveContext] && hasObserver("dns")) {
    stopPerf(this, kPerfHooksDnsLookupResolveContext, { detail: { result } });
  }
}
function createResolverPromise(resolver2, bindingName, hostname, ttl) {
  return new Promise((resolve2, reject) => {
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.hostname = hostname;
    req.oncomplete = onresolve;
    req.resolve = resolve2;
    req.reject = reject;
    req.ttl = ttl;
    const err = resolver2._handle[bindingName](req, hostname);
    if (err)
      reject(new DNSException(err, bindingName, hostname));
    else if (hasObserver("dns")) {
      startPerf(req, kPerfHooksDnsLookupResolveContext, {
        type: "dns",
        name: bindingName,
        detail: {
          host: hostname,
          ttl
        }
      });
    }
  });
}
function resolver(bindingName) {
  function query(name, options) {
    validateString(name, "name");
    const ttl = !!(options && options.ttl);
    return createResolverPromise(this, bindingName, name, ttl);
  }
  ObjectDefineProperty(query, "name", { __proto__: null, value: bindingName });
  return query;
}
function resolve(hostname, rrtype) {
  let resolver2;
  if (rrtype !== void 0) {
    validateString(rrtype, "rrtype");
    resolver2 = resolveMap[rrtype];
    if (typeof resolver2 !== "function")
      throw new ERR_INVALID_ARG_VALUE("rrtype", rrtype);
  } else {
    resolver2 = resolveMap.A;
  }
  return ReflectApply(resolver2, this, [hostname]);
}
const { Resolver, resolveMap } = createResolverClass(resolver);
Resolver.prototype.resolve = resolve;
function defaultResolverSetServers(servers) {
  const resolver2 = new Resolver();
  resolver2.setServers(servers);
  setDefaultResolver(resolver2);
  bindDefaultResolver(module.exports, Resolver.prototype);
}
module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: defaultResolverSetServers,
  // ERROR CODES
  NODATA,
  FORMERR,
  SERVFAIL,
  NOTFOUND,
  NOTIMP,
  REFUSED,
  BADQUERY,
  BADNAME,
  BADFAMILY,
  BADRESP,
  CONNREFUSED,
  TIMEOUT,
  EOF,
  FILE,
  NOMEM,
  DESTRUCTION,
  BADSTR,
  BADFLAGS,
  NONAME,
  BADHINTS,
  NOTINITIALIZED,
  LOADIPHLPAPI,
  ADDRGETNETWORKPARAMS,
  CANCELLED
};
bindDefaultResolver(module.exports, Resolver.prototype);
