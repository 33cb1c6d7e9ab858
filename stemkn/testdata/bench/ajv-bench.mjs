// ajv-bench times ajv, the second peer of stemkn's validator, on the same
// documents and the same exported schemas as the Go benchmarks, and prints
// the times in Go's benchmark format so that one reader takes them all:
//
//	BenchmarkAjv/stem-kn-2011  52341  19102 ns/op
//
// One operation is what a Node service would do with a request body: the
// document's text through JSON.parse, then the compiled validator. ajv is set
// up as the schema agreement tests set it up (stemkn/testdata/ajv-check.mjs):
// draft 2020-12, strict mode, allErrors (stemkn never stops at the first
// problem either), ajv-formats, and the x-stemkn-rules annotation declared.
// Compiling the schema happens once, outside the timing.
//
//	node stemkn/testdata/bench/ajv-bench.mjs MANIFEST [-count=5] [-benchtime=1s|1x]
//
// MANIFEST is the inputs.json that `go run ./stemkn/internal/benchreport
// inputs DIR` writes: {"fixtures": [{"scheme", "schema", "document"}, …]}
// with file paths. ajv and ajv-formats come from the repository's
// node_modules (npm ci).
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const args = process.argv.slice(2);
const manifestPath = args.find((a) => !a.startsWith("-"));
if (!manifestPath) {
  console.error("usage: node ajv-bench.mjs MANIFEST [-count=N] [-benchtime=1s|Nx]");
  process.exit(2);
}
const flag = (name, fallback) => {
  const a = args.find((x) => x.startsWith(`-${name}=`));
  return a ? a.slice(name.length + 2) : fallback;
};
const count = Number(flag("count", "1"));
const benchtime = flag("benchtime", "1s");

const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));

// iterations runs op n times and gives the nanoseconds it took.
function time(op, n) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) op();
  return Number(process.hrtime.bigint() - start);
}

// measure picks the number of iterations as Go's testing package does —
// grow until a run takes the bench time — unless told a fixed count.
function measure(op) {
  if (benchtime.endsWith("x")) {
    const n = Number(benchtime.slice(0, -1));
    return { n, ns: time(op, n) };
  }
  const target = Number.parseFloat(benchtime) * 1e9;
  let n = 1;
  for (;;) {
    const ns = time(op, n);
    if (ns >= target || n >= 1e9) return { n, ns };
    const perOp = Math.max(ns / n, 1);
    n = Math.max(n + 1, Math.min(100 * n, Math.ceil((1.2 * target) / perOp)));
  }
}

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword("x-stemkn-rules");

for (const f of manifest.fixtures) {
  const validate = ajv.compile(JSON.parse(readFileSync(f.schema, "utf8")));
  const text = readFileSync(f.document, "utf8");
  if (!validate(JSON.parse(text))) {
    // A benchmark of a rejected document would time the error reports.
    console.error(`ajv rejects ${f.document}: ${JSON.stringify(validate.errors)}`);
    process.exit(1);
  }
  const op = () => {
    if (!validate(JSON.parse(text))) throw new Error("rejected");
  };
  if (!benchtime.endsWith("x")) time(op, 1000); // let the JIT settle
  for (let run = 0; run < count; run++) {
    const { n, ns } = measure(op);
    console.log(`BenchmarkAjv/${f.scheme}\t${n}\t${(ns / n).toFixed(1)} ns/op\t${((Buffer.byteLength(text) * 1e3) / (ns / n)).toFixed(2)} MB/s`);
  }
}
