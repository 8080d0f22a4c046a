import { spawnSync } from "child_process"
import path from "path"

// Medusa applies its feature-flagged entity columns (Store's default sales channel among them)
// one event-loop turn after its models load, with the flags set by then. The server reads its
// settings, and starts the embedded PostgreSQL, before Medusa reads its flags: if reading the
// settings loaded Medusa's models, the seed on a bare machine would fail on Store.
it("reads the server's settings without loading Medusa's models", () => {
  const env = path.resolve(__dirname, "../../../dist/config/env.js")
  const script = `require(${JSON.stringify(env)}).readServerEnv();
    const loaded = Object.keys(require.cache).filter((file) => file.includes("@medusajs/medusa/dist/models"));
    process.stdout.write(JSON.stringify(loaded.slice(0, 3)))`
  const result = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", env: { ...process.env, NODE_ENV: "development" } })
  expect(result.stderr).toBe("")
  expect(JSON.parse(result.stdout)).toEqual([])
})
