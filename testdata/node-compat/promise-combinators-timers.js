// async throws, Promise.all with a timer, allSettled, finally ordering.
async function f() { throw new Error('async throw'); }
f().catch((e) => console.log('caught', e.message));
const p = Promise.all([1, Promise.resolve(2), new Promise((r) => setTimeout(r, 3, 3))]);
p.then((v) => console.log(v));
Promise.allSettled([Promise.reject(1)]).then((r) => console.log(JSON.stringify(r)));
new Promise((_, rej) => rej(new Error('x'))).finally(() => console.log('finally')).catch((e) => console.log('after finally', e.message));
