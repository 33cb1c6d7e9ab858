// ajv-process is the ajv peer as a whole process, for the one-core
// comparison of `make bench` (benchreport process): it compiles the schema
// file as ajv-bench.mjs does (draft 2020-12, strict, allErrors,
// ajv-formats, x-stemkn-rules declared), then reads NDJSON and writes, for
// each line, its verdict as one line of JSON — {"valid":true}, or
// {"valid":false,"errors":[…]} with ajv's errors — in large writes. It
// exits 1 when a line is not valid.
//
//	node stemkn/testdata/bench/ajv-process.mjs SCHEMA NDJSON > verdicts
//
// The whole input is read at once (the peer's fastest way in Node).
import { readFileSync, writeSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaPath, inputPath] = process.argv.slice(2);
if (!schemaPath || !inputPath) {
  console.error("usage: node ajv-process.mjs SCHEMA NDJSON");
  process.exit(2);
}
const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword("x-stemkn-rules");
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

const text = readFileSync(inputPath, "utf8");
let out = "";
let invalid = false;
const flush = () => {
  if (out.length > 0) writeSync(1, out);
  out = "";
};
for (let start = 0; start < text.length; ) {
  let end = text.indexOf("\n", start);
  if (end < 0) end = text.length;
  const line = text.slice(start, end);
  start = end + 1;
  if (line.trim() === "") continue;
  let valid = false;
  let errors;
  try {
    valid = validate(JSON.parse(line));
    errors = validate.errors;
  } catch (e) {
    errors = [{ message: "not JSON: " + e.message }];
  }
  if (valid) {
    out += '{"valid":true}\n';
  } else {
    invalid = true;
    out += JSON.stringify({ valid: false, errors }) + "\n";
  }
  if (out.length >= 64 << 10) flush();
}
flush();
process.exit(invalid ? 1 : 0);
