import def, { a as b } from './dep.mjs';
import * as ns from 'node:path';
export const x = b + 1;
export function f() { return def; }
export { x as y };
export * from './star.mjs';
export default class K {}
console.log(typeof require, typeof module, this, ns.sep);
