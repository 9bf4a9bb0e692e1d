// then/catch/finally after a timer, race of a timer and an immediate, any.
new Promise((resolve) => { setTimeout(resolve, 5); }).then(() => { console.log('resolved'); throw new Error('in then'); }).catch((e) => console.log('catch', e.message)).finally(() => console.log('finally'));
Promise.race([new Promise((r) => setTimeout(r, 20, 'slow')), new Promise((r) => setImmediate(r, 'imm'))]).then((v) => console.log('race', v));
Promise.any([Promise.reject(1), new Promise((r) => setTimeout(r, 1, 'any'))]).then((v) => console.log(v));
