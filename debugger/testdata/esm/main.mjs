import { total } from './lib.ts';

const items = [1, 2, 3];
const t = await Promise.resolve(total(items));
console.log('total', t);
