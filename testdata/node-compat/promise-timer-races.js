// then/catch/finally after a timer, race of a timer and an immediate, any.
// The delays leave wide gaps so that the order is causal, not a race, under load.
new Promise((resolve) => { setTimeout(resolve, 120); }).then(() => { console.log('resolved'); throw new Error('in then'); }).catch((e) => console.log('catch', e.message)).finally(() => console.log('finally'));
Promise.race([new Promise((r) => setTimeout(r, 300, 'slow')), new Promise((r) => setImmediate(r, 'imm'))]).then((v) => console.log('race', v));
Promise.any([Promise.reject(1), new Promise((r) => setTimeout(r, 60, 'any'))]).then((v) => console.log(v));
