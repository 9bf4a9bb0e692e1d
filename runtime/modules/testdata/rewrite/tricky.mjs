// import('./not-a-call') in a comment, and require("x") too
const s = "import('./str')";
const re = /import\(/g;
const tpl = `${ s } import( ${ re.source }`;
const div = 4 / 2 / 1;
export const meta = import.meta.url;
export const load = () => import('./lazy.mjs');
