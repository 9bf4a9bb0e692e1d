'use strict';
// node's internal/process/task_queues belongs to the event loop. The embedded lib only takes
// queueMicrotask from it; the host's loop installs that global (a host can instead provide
// this module with Lib.Provide).
module.exports = {
  queueMicrotask(callback) {
    return globalThis.queueMicrotask(callback);
  },
};
