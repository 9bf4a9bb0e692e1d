// process.cpuUsage(previous) is the CPU time since previous, not since the start.
let x=0; for (let i=0;i<3e6;i++) x+=i;
const a = process.cpuUsage(); const d = process.cpuUsage(a);
console.log(typeof a.user, Number.isInteger(a.user), d.user >= 0 && d.user < 20000, Object.keys(d).join());
