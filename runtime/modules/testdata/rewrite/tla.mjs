const a = await fetchIt() + 1;
const { v } = await import('./dyn.mjs');
for await (const item of stream()) console.log(item);
async function inner() { await a; }
export const t = `${await a}` / 2;
