import fs from "fs"
import path from "path"
import { readServerEnv } from "../env"

// docker compose cannot run on the development machines: CI brings the stack up
// (.github/workflows/compose.yml); this checks the file against what the server validates.
const yaml = require("js-yaml")

const ROOT = path.resolve(__dirname, "../../../..")
const compose = yaml.load(fs.readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8"))
const MEDUSA_SERVICES = ["medusa-server", "medusa-worker"]
const STOREFRONTS = ["storefront-com", "storefront-org"]

/** Compose's `${NAME:-default}` / `${NAME}` interpolation, from the operator's shell. */
function interpolate(value: unknown, shell: Record<string, string>): string {
  return String(value).replace(/\$\{([A-Z0-9_]+)(?::?-([^}]*))?\}/g, (_m, name, fallback) => shell[name] || fallback || "")
}

function serviceEnv(service: string, shell: Record<string, string> = {}): Record<string, string> {
  const environment = compose.services[service].environment
  return Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, interpolate(v, shell)]))
}

const OPERATOR_SECRETS = {
  NODE_ENV: "production",
  JWT_SECRET: "j".repeat(48),
  COOKIE_SECRET: "c".repeat(48),
  WEBHOOK_SECRET_KEY: "ab".repeat(32),
}

function sourceText(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) return e.name === "__tests__" ? "" : sourceText(full)
      return /\.(ts|tsx|js)$/.test(e.name) ? fs.readFileSync(full, "utf8") : ""
    })
    .join("\n")
}

describe("docker-compose.yml", () => {
  it.each(MEDUSA_SERVICES)("starts %s on a configuration the server accepts in development", (service) => {
    expect(() => readServerEnv(serviceEnv(service))).not.toThrow()
  })

  it.each(MEDUSA_SERVICES)("runs %s in production once the operator supplies the secrets, and not before", (service) => {
    const env = readServerEnv(serviceEnv(service, OPERATOR_SECRETS))
    expect(env.isProduction).toBe(true)
    expect(env.redisUrl).toBe("redis://redis:6379")
    expect(() => readServerEnv(serviceEnv(service, { NODE_ENV: "production" }))).toThrow(/JWT_SECRET|COOKIE_SECRET|WEBHOOK_SECRET_KEY/)
  })

  it("splits the API from the workers, and only the API migrates", () => {
    expect(readServerEnv(serviceEnv("medusa-server")).workerMode).toBe("server")
    expect(readServerEnv(serviceEnv("medusa-worker")).workerMode).toBe("worker")
    expect(serviceEnv("medusa-worker").MEDUSA_SKIP_MIGRATIONS).toBe("true")
    expect(compose.services["medusa-worker"].depends_on["medusa-server"].condition).toBe("service_healthy")
  })

  it("sets no variable the server never reads (a typo would pass silently)", () => {
    const source = [path.join(ROOT, "medusa-server", "src"), ...fs.readdirSync(path.join(ROOT, "plugins")).map((p) => path.join(ROOT, "plugins", p, "src"))]
      .filter((dir) => fs.existsSync(dir))
      .map(sourceText)
      .join("\n")
    // Read by Node or Medusa's own packages rather than ours.
    const external = new Set(["NODE_ENV", "MEDUSA_DISABLE_TELEMETRY"])
    for (const service of MEDUSA_SERVICES) {
      const unread = Object.keys(serviceEnv(service)).filter((name) => !external.has(name) && !source.includes(name))
      expect({ service, unread }).toEqual({ service, unread: [] })
    }
  })

  it("builds an image that runs as a non-root user and never contains .env files", () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8")
    const users = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1])
    expect(users.length).toBeGreaterThan(0)
    expect(users[users.length - 1]).not.toMatch(/^(root|0)$/)
    const ignored = fs.readFileSync(path.join(ROOT, ".dockerignore"), "utf8").split("\n").map((l) => l.trim())
    expect(ignored).toEqual(expect.arrayContaining([".env*", "**/.env*"]))
  })
})

describe("docker-compose.yml storefronts", () => {
  it.each(STOREFRONTS)("%s calls Medusa from its own server by service name, and gives browsers the published URL", (service) => {
    const env = serviceEnv(service)
    // In a container, localhost is the container: server components and actions need Medusa's service name.
    const internal = new URL(env.MEDUSA_BACKEND_URL_INTERNAL)
    expect(internal.hostname).toBe("medusa-server")
    expect(compose.services["medusa-server"].ports).toContain(`${internal.port}:${internal.port}`)
    expect(env.NEXT_PUBLIC_MEDUSA_BACKEND_URL).toBe(serviceEnv("medusa-server").MEDUSA_BACKEND_URL)
    expect(serviceEnv(service, { MEDUSA_BACKEND_URL: "https://api.pvabazaar.com" }).NEXT_PUBLIC_MEDUSA_BACKEND_URL).toBe("https://api.pvabazaar.com")
  })

  it.each(STOREFRONTS)("%s starts once Medusa is healthy, so its first pages find it", (service) => {
    expect(compose.services[service].depends_on["medusa-server"]).toEqual({ condition: "service_healthy" })
  })

  it("storefront-org reads transactions from the chain service, while wallets use the published RPC port", () => {
    const env = serviceEnv("storefront-org")
    expect(new URL(env.CHAIN_RPC_URL_INTERNAL).hostname).toBe("chain")
    expect(env.NEXT_PUBLIC_CHAIN_RPC_URL).toBe("http://localhost:8545")
    expect(compose.services.chain.ports).toContain("8545:8545")
    expect(compose.services["storefront-org"].depends_on.chain).toBeDefined()
  })

  it("sets no variable the storefronts never read", () => {
    for (const service of STOREFRONTS) {
      const source = [path.join(ROOT, service, "src"), path.join(ROOT, "packages", "storefront-core", "src")].map(sourceText).join("\n")
      const unread = Object.keys(serviceEnv(service)).filter((name) => !source.includes(name))
      expect({ service, unread }).toEqual({ service, unread: [] })
    }
  })
})
