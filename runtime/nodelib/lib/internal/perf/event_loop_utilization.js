"use strict";
const {
  constants: {
    NODE_PERFORMANCE_MILESTONE_LOOP_START
  },
  loopIdleTime,
  milestones
} = internalBinding("performance");
function eventLoopUtilization(util1, util2) {
  return internalEventLoopUtilization(
    milestones[NODE_PERFORMANCE_MILESTONE_LOOP_START] / 1e6,
    loopIdleTime(),
    util1,
    util2
  );
}
function internalEventLoopUtilization(loopStart, loopIdleTime2, util1, util2) {
  if (loopStart <= 0) {
    return { idle: 0, active: 0, utilization: 0 };
  }
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active2 = util1.active - util2.active;
    return { idle, active: active2, utilization: active2 / (idle + active2) };
  }
  const now = process.hrtime();
  const active = now[0] * 1e3 + now[1] / 1e6 - loopStart - loopIdleTime2;
  if (!util1) {
    return {
      idle: loopIdleTime2,
      active,
      utilization: active / (loopIdleTime2 + active)
    };
  }
  const idleDelta = loopIdleTime2 - util1.idle;
  const activeDelta = active - util1.active;
  const utilization = activeDelta / (idleDelta + activeDelta);
  return {
    idle: idleDelta,
    active: activeDelta,
    utilization
  };
}
module.exports = {
  internalEventLoopUtilization,
  eventLoopUtilization
};
