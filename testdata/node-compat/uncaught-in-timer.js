// An uncaught exception in a timer ends the program with code 1 after 'exit'.
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => { throw new TypeError('uncaught in timer'); }, 1);
setTimeout(() => console.log('never'), 5);
