async function a(x) {
  const y = await x;
  return y + 1;
}
function* gen(n) {
  for (let i = 0; i < n; i++) yield i;
  const back = yield;
  return back;
}
const arrowAsync = async x => await x;
const arrowAsyncBlock = async (x) => { const v = await x; return v * 2; };
const obj = { async m() { return 1; }, *g() { yield 2; } };
class C { async m() { return await 3; } *g() { yield 4; } static async s() { return 5; } }
const g = gen(3);
console.log([...gen(3)], g.next().value, g.next().value);
Promise.all([a(1), arrowAsync(2), arrowAsyncBlock(3), obj.m(), new C().m(), C.s()]).then(v => console.log(v, [...obj.g()], [...new C().g()]));
