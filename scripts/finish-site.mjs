// Finishes a release build's static files in target/site/pkg: minifies
// the wasm-split loader (cargo-leptos minifies the main script only),
// re-optimises the split wasm chunks for speed (below), and writes a
// Brotli (.br, quality 11) and a gzip (.gz, level 9) copy of every file
// beside it, which the server sends as they are to browsers that accept
// them. Compressing once here rather than per request gives smaller
// files than the server's on-the-fly quality and costs it no CPU.
// Idempotent: a copy newer than its file is kept.
//
//   node scripts/finish-site.mjs [pkg directory]

import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';

const pkg = process.argv[2] ?? 'target/site/pkg';
const require = createRequire(new URL('../end2end/package.json', import.meta.url));
const { minify } = require('terser');

const newer = (a, b) => {
  try {
    return statSync(a).mtimeMs >= statSync(b).mtimeMs;
  } catch {
    return false;
  }
};

let minified = 0;
for (const name of readdirSync(pkg)) {
  if (!/^__wasm_split\..*\.js$/.test(name)) continue;
  const path = join(pkg, name);
  const source = readFileSync(path, 'utf8');
  // A minified file has no indented lines; minifying twice changes nothing
  // but would bump its time and so every compressed copy.
  if (!/\n {4}/.test(source)) continue;
  const out = await minify(source, { module: true, compress: true, mangle: true });
  writeFileSync(path, out.code);
  console.log(`minified ${name}: ${source.length} → ${out.code.length} bytes`);
  minified += 1;
}

// The split chunks hold each area's pages, which run once, while the page
// hydrates. Chromium compiles a wasm function on the main thread the first
// time it is called, and the size-first -Oz build leaves thousands of tiny
// functions: hydrating /calls compiled 2,188 of them in one long task.
// -O3 inlines them (1,183 left; that task blocks about 40% less) for a few
// KB more per area. The main module stays -Oz: it is within its size budget
// only so. A chunk whose compressed copy is newer than it was done already.
const wasmOpt = new URL('../end2end/node_modules/.bin/wasm-opt', import.meta.url).pathname;
const chunks = readdirSync(pkg).filter(
  (name) => name.endsWith('.wasm') && name !== 'rapport.wasm' && !newer(join(pkg, `${name}.br`), join(pkg, name)),
);
const run = promisify(execFile);
const optimise = async () => {
  for (let name = chunks.pop(); name; name = chunks.pop()) {
    const path = join(pkg, name);
    await run(wasmOpt, ['-O3', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', path, '-o', path]);
  }
};
const toOptimise = chunks.length;
await Promise.all([optimise(), optimise()]);
console.log(`optimised ${toOptimise} split wasm chunks for speed (-O3)`);

let written = 0;
let raw = 0;
let brotli = 0;
for (const name of readdirSync(pkg)) {
  if (/\.(br|gz)$/.test(name)) continue;
  const path = join(pkg, name);
  if (!statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  raw += bytes.length;
  if (newer(`${path}.br`, path) && newer(`${path}.gz`, path)) {
    brotli += statSync(`${path}.br`).size;
    continue;
  }
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  brotli += br.length;
  written += 1;
}
console.log(
  `precompressed ${written} files in ${pkg} (${minified} minified); ` +
    `${(raw / 1024).toFixed(0)} KB as built, ${(brotli / 1024).toFixed(0)} KB with Brotli`,
);
