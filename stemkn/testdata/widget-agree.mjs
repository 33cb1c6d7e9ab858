// widget-agree runs the widget's WebAssembly module (wasm/, the same build
// `make widget` makes) in Node and answers agreement requests both ways the
// ES module calls Go: through the module's exports, by the ES module's own
// code for them (wasm/src/go-exports.js), and through the js.Func functions
// on its JavaScript surface — validate(json, options) and
// validateForm(entries, options).
//
//   node widget-agree.mjs wasm_exec.js stemkn.wasm requests.ndjson answers.ndjson
//
// A request is a line of package agree's Request (doc in base64, or form
// values, with scheme and mode); the answer line is the text the exports
// returned. The two ways must give the same text, byte for byte: where they
// do not, it says so and exits 1. TestWidgetAnswersLikeGo compares the
// answers with native Go.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { goExports } from "../../wasm/src/go-exports.js";

const [wasmExec, wasmPath, requestsPath, answersPath] = process.argv.slice(2);
await import(pathToFileURL(wasmExec).href); // defines globalThis.Go

const surfaceName = "__stemknAgree";
const go = new Go();
go.argv = ["stemkn.wasm", surfaceName];
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), go.importObject);
let exports = null;
const ready = new Promise((resolve) => {
  globalThis[surfaceName] = {
    onready: (limits, names) => {
      exports = goExports(go, instance, names);
      resolve();
    },
  };
});
go.run(instance);
await ready;
if (exports === null) throw new Error("the module has no exports to call the kit through");
const kit = globalThis[surfaceName];

// How many requests the two ways answered differently.
let differ = 0;

/** fn's answer through the exports, held to the js.Func's. */
function both(fn, a, b) {
  const viaExports = exports.call(fn, [a, b]);
  const viaFunc = kit[fn](a, b);
  if (viaExports !== viaFunc) {
    if (differ++ < 5) console.error(`${fn}(${JSON.stringify(a).slice(0, 200)}): the exports answer\n${viaExports}\nthe js.Func\n${viaFunc}`);
  }
  return viaExports;
}

const answers = [];
for (const line of readFileSync(requestsPath, "utf8").split("\n")) {
  if (line === "") continue;
  const req = JSON.parse(line);
  const options = JSON.stringify({ scheme: req.scheme ?? "", mode: req.mode ?? "" });
  if (req.form) {
    const entries = [];
    for (const [name, values] of Object.entries(req.form)) {
      for (const value of values) entries.push([name, value]);
    }
    answers.push(both("validateForm", JSON.stringify(entries), options));
  } else {
    const text = Buffer.from(req.doc ?? "", "base64").toString("utf8");
    answers.push(both("validate", text, options));
  }
}
writeFileSync(answersPath, answers.join("\n") + "\n");
if (differ > 0) {
  console.error(`the exports and the js.Func answer ${differ} of ${answers.length} requests differently`);
  process.exit(1);
}
process.exit(0);
