function t(v) {
  try {
    if (v) throw { code: v, detail: [1, 2] };
    return 'none';
  } catch ({ code, detail: [first, ...others] }) {
    return code + first + others.length;
  } finally {
    t.count = (t.count || 0) + 1;
  }
}
try { t.missing(); } catch { console.log('no binding'); }
try { null.x; } catch (e) { console.log(e instanceof TypeError); } finally { console.log('fin'); }
function s(k) {
  switch (k) {
    case 1:
      let a = 'one';
      return a;
    case 2: {
      const b = 'two';
      return b;
    }
    case 3:
    case 4:
      class K {}
      return typeof K;
    default:
      var d = 'dflt';
      return d;
  }
}
console.log(t(0), t(5), t.count, s(1), s(2), s(3), s(9));
