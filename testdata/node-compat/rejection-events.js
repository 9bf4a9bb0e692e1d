// unhandledRejection with a listener, and rejectionHandled when a handler comes later.
Promise.reject(new Error('late'));
process.on('unhandledRejection', (r, p) => { console.log('unhandled', r.message, p instanceof Promise); });
process.on('rejectionHandled', (p) => console.log('handled later', p instanceof Promise));
const p2 = Promise.reject(new Error('p2'));
setTimeout(() => { p2.catch(() => console.log('caught p2')); }, 5);
