// An exception in a queueMicrotask callback is an uncaught exception, and the program goes on.
queueMicrotask(() => { throw new Error('from microtask'); });
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
Promise.resolve().then(() => console.log('promise after'));
setTimeout(() => console.log('timer still runs'), 1);
