class Base {
  constructor(x) { this.x = x; }
  get double() { return this.x * 2; }
  set double(v) { this.x = v / 2; }
  static create() { return new this(1); }
}
class Derived extends Base {
  y = 10;
  #secret = 7;
  static count = 0;
  static {
    this.count = 1;
    let local = this.count + 1;
    Derived.extra = local;
  }
  constructor(x) {
    const before = x + 1;
    super(before);
    this.z = () => this.x;
  }
  get secret() { return this.#secret; }
  static #hidden() { return 'h'; }
  static reveal() { return Derived.#hidden(); }
}
class Arrowy extends Base {
  constructor() {
    const make = () => 2;
    super(make());
  }
}
class Empty extends Base {}
const Expr = class Named extends Base { constructor() { super(3); Named.seen = true; } };
const d = new Derived(1);
d.double = 8;
console.log(d.x, d.double, d.y, d.secret, d.z(), Derived.count, Derived.extra, Derived.reveal(),
  Base.create().x, new Arrowy().x, new Empty(4).x, new Expr().x, Expr.seen);
