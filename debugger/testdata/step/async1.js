async function work() {
  const a = 1;
  await null;
  const b = a + 1;
  await new Promise((r) => setTimeout(r, 1));
  return b;
}
function noise() { const n = 0; return n; }
async function main() {
  setTimeout(noise, 0);
  const v = await work();
  console.log(v);
}
main();
