// Runs bench/twins.ts from source, so the test harness it shares with the tests finds the server
// and contracts where they are. esbuild strips the types (the bench needs no decorator metadata).
const fs = require("fs")
const { transformSync } = require("esbuild")

require.extensions[".ts"] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, "utf8"), { loader: "ts", format: "cjs", target: "node20", sourcefile: filename })
  module._compile(code, filename)
}
require("./twins.ts")
