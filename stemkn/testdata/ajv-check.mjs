// ajv-check reads {"schema": <JSON Schema>, "documents": ["<JSON text>", …]}
// on standard input, compiles the schema with ajv in strict mode (draft
// 2020-12, ajv-formats, the x-stemkn-rules keyword declared as the schema's
// description asks) and prints {"verdicts": [{"valid", "errors"}, …]}, one
// per document, or {"compileError": "…"} when the schema does not compile.
// The Go test TestSchemaAgreesWithTheValidator runs it; ajv and ajv-formats
// come from the repository's node_modules (npm ci).
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

let text = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text);

const ajv = new Ajv2020({ strict: true, allErrors: true });
addFormats(ajv);
ajv.addKeyword("x-stemkn-rules");

let validate;
try {
  validate = ajv.compile(input.schema);
} catch (e) {
  process.stdout.write(JSON.stringify({ compileError: String(e.message) }));
  process.exit(0);
}

const verdicts = input.documents.map((doc) => {
  let value;
  try {
    value = JSON.parse(doc);
  } catch (e) {
    return { valid: false, errors: ["not JSON: " + e.message] };
  }
  const valid = validate(value);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath} ${e.keyword}: ${e.message}`);
  return { valid, errors };
});
process.stdout.write(JSON.stringify({ verdicts }));
