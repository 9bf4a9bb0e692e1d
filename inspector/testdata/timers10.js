const timers = [];
for (let i = 0; i < 10; i++) timers.push(setTimeout(() => {}, 60000));
setTimeout(() => timers.forEach(clearTimeout), 200);
