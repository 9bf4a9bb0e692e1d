// beforeExit sees process.exitCode; exit gets it too.
process.on('beforeExit', () => console.log('beforeExit', process.exitCode));
process.exitCode = 3;
setTimeout(() => console.log('timer'), 1);
process.on('exit', (c) => { console.log('exit', c); });
