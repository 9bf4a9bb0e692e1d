'use strict';
// Stands in for node's internal/bootstrap/realm, which sets up node's whole module system.
// The embedded lib only asks it which ids are builtin modules.
const { isBuiltin, canBeRequiredByUsers } = internalBinding('builtins');
class BuiltinModule {
  static exists(id) {
    return isBuiltin(id);
  }
  static canBeRequiredByUsers(id) {
    return canBeRequiredByUsers(id);
  }
  static canBeRequiredWithoutScheme(id) {
    return canBeRequiredByUsers(id) && id !== 'test' && id !== 'sea' && !id.startsWith('test/');
  }
}
module.exports = { BuiltinModule };
