interface Item {
  price: number;
}

type Num = number;

export function total(items: Num[]): Num {
  let sum: Num = 0;
  for (const it of items) {
    sum += it;
  }
  return sum;
}
