import type { T } from './types-only.ts';
import { value } from './value.ts';
enum Color { Red, Green }
export const c: Color = Color.Green;
export const v: T = value as T;
