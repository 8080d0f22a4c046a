// Lets plain Node run TypeScript (a bench, or this package's modules from a .js/.mjs bench):
// `node -r @pva/test-support/register bench/x.ts`, or require it before requiring a .ts module.
// esbuild only strips types, so code that needs decorator metadata must be built by tsc instead.
const fs = require("fs")
const { transformSync } = require("esbuild")

require.extensions[".ts"] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, "utf8"), { loader: "ts", format: "cjs", target: "node20", sourcefile: filename })
  module._compile(code, filename)
}
