process.on('uncaughtException', (e) => console.log('uncaught', e.message));
function thrower(x) {
  throw new Error('sync ' + x);
}
function guarded() { try { thrower(1); } catch (e) {} }
function finallyOnly() { try { thrower(2); } finally { void 0; } }
guarded();
setTimeout(() => thrower(3), 1);
setTimeout(() => finallyOnly(), 2);
setTimeout(() => { try { [1].forEach(() => thrower(4)); } catch (e) {} }, 3);
setTimeout(() => process.nextTick(() => thrower(5)), 4);
setTimeout(() => { const E = require('events'); const e = new E(); e.on('x', () => thrower(6)); e.emit('x'); }, 5);
setTimeout(() => { let g; try { g = () => { throw new Error('made in a try'); }; } catch (e) {} g(); }, 6);
