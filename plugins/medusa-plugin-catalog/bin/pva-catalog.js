#!/usr/bin/env node
// The pva-catalog command. This file is committed, not built, so that npm links the command on a
// clean install, before `dist/` exists; the command itself is compiled from src/cli.ts.
const fs = require("fs")
const path = require("path")

const compiled = path.join(__dirname, "..", "dist", "cli.js")
if (!fs.existsSync(compiled)) {
  process.stderr.write("pva-catalog: not built yet (no " + path.relative(process.cwd(), compiled) + "): run `npm run build -w @pva/medusa-plugin-catalog` first\n")
  process.exit(1)
}
const { main } = require(compiled)
require("@pva/medusa-kit").runCli("pva-catalog", main)
