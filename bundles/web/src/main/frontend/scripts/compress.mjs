// Writes NAME.gz beside every compressible file of the built UI (when it is smaller), so the
// bundle's servlet can send pre-compressed bytes to clients that accept gzip.
import { gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|map|webmanifest|xml)$/i;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let raw = 0;
let packed = 0;
for (const path of files(root)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const bytes = readFileSync(path);
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
  if (gz.length >= bytes.length) continue;
  writeFileSync(`${path}.gz`, gz);
  raw += bytes.length;
  packed += gz.length;
  console.log(`${path.slice(root.length + 1)}: ${bytes.length} B -> ${gz.length} B gzip`);
}
console.log(`compressed ${raw} B to ${packed} B`);
