// widget-agree runs the widget's WebAssembly module (wasm/, the same build
// `make widget` makes) in Node and answers agreement requests through its
// JavaScript surface, the functions the ES module calls:
// validate(json, options) and validateForm(entries, options).
//
//   node widget-agree.mjs wasm_exec.js stemkn.wasm requests.ndjson answers.ndjson
//
// A request is a line of package agree's Request (doc in base64, or form
// values, with scheme and mode); the answer line is the text the function
// returned. TestWidgetAnswersLikeGo compares them with native Go.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [wasmExec, wasmPath, requestsPath, answersPath] = process.argv.slice(2);
await import(pathToFileURL(wasmExec).href); // defines globalThis.Go

const surfaceName = "__stemknAgree";
const ready = new Promise((resolve) => {
  globalThis[surfaceName] = { onready: resolve };
});
const go = new Go();
go.argv = ["stemkn.wasm", surfaceName];
const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), go.importObject);
go.run(instance);
await ready;
const kit = globalThis[surfaceName];

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
    answers.push(kit.validateForm(JSON.stringify(entries), options));
  } else {
    const text = Buffer.from(req.doc ?? "", "base64").toString("utf8");
    answers.push(kit.validate(text, options));
  }
}
writeFileSync(answersPath, answers.join("\n") + "\n");
process.exit(0);
