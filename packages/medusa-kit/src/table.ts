// A table's one description in code: each column's name, PostgreSQL type and nullability, from
// which its row type is derived. Each plugin's drift test compares these descriptions with
// information_schema after every migration has run, so a migration that adds, drops or retypes
// a column fails a test instead of surprising a query at run time.

/** One column: its type as information_schema's `udt_name` spells it, and whether it may be NULL. */
export interface Column<T> {
  readonly udt: string
  readonly nullable: boolean
  /** Carries the TypeScript type of the column's values; never set at run time. */
  readonly value?: T
}

/** A NOT NULL column of a type, with `orNull` for the same type allowing NULL. */
export type ColumnType<T> = Column<T> & { readonly orNull: Column<T | null> }

function columnType<T>(udt: string): ColumnType<T> {
  return { udt, nullable: false, orNull: { udt, nullable: true } }
}

/**
 * Column types, named as information_schema's `udt_name` names them, each with the value
 * node-postgres hands back for it.
 */
export const pg = {
  text: columnType<string>("text"),
  /** A text column whose values the code narrows (a status, a 0x-hex string); PostgreSQL's CHECK says which. */
  textOf: <T extends string>(): ColumnType<T> => columnType<T>("text"),
  varchar: columnType<string>("varchar"),
  // node-postgres answers bigint and numeric with strings: their values may not fit a JS number.
  int8: columnType<string>("int8"),
  numeric: columnType<string>("numeric"),
  int4: columnType<number>("int4"),
  int2: columnType<number>("int2"),
  float8: columnType<number>("float8"),
  bool: columnType<boolean>("bool"),
  timestamptz: columnType<Date>("timestamptz"),
  timestamp: columnType<Date>("timestamp"),
  date: columnType<Date>("date"),
  bytea: columnType<Buffer>("bytea"),
  tsvector: columnType<string>("tsvector"),
  textArray: columnType<string[]>("_text"),
  /** JSON whose shape the caller states; PostgreSQL does not check it. */
  jsonb: <T = unknown>(): ColumnType<T> => columnType<T>("jsonb"),
}

export type Columns = Readonly<Record<string, Column<unknown>>>

export interface Table<C extends Columns> {
  readonly name: string
  readonly columns: C
  /** Every column, quoted and comma-separated, for `SELECT ${table.select} FROM …`. */
  readonly select: string
}

/** The row a `SELECT ${table.select}` answers with. */
export type RowOf<T extends Table<Columns>> = {
  -readonly [K in keyof T["columns"]]: T["columns"][K] extends Column<infer V> ? V : never
}

export function defineTable<C extends Columns>(name: string, columns: C): Table<C> {
  const select = Object.keys(columns)
    .map((column) => `"${column}"`)
    .join(", ")
  return { name, columns, select }
}

/** What information_schema says about one column, as the drift test reads it. */
export interface DatabaseColumn {
  table_name: string
  column_name: string
  udt_name: string
  is_nullable: "YES" | "NO"
}

/**
 * Where the tables' descriptions and the database disagree, one sentence per difference; empty
 * when they agree. `database` holds information_schema.columns for (at least) these tables.
 */
export function tableDrift(tables: ReadonlyArray<Table<Columns>>, database: ReadonlyArray<DatabaseColumn>): string[] {
  const problems: string[] = []
  for (const table of tables) {
    const actual = new Map(database.filter((c) => c.table_name === table.name).map((c) => [c.column_name, c]))
    if (actual.size === 0) {
      problems.push(`table ${table.name} does not exist after the migrations`)
      continue
    }
    for (const [name, declared] of Object.entries(table.columns)) {
      const column = actual.get(name)
      if (!column) {
        problems.push(`${table.name}.${name} is declared in code but no migration creates it`)
        continue
      }
      // An empty type is one the code leaves to the database (an entity's bare primary column).
      if (declared.udt !== "" && column.udt_name !== declared.udt) {
        problems.push(`${table.name}.${name} is ${column.udt_name} in the database but ${declared.udt} in code`)
      }
      if ((column.is_nullable === "YES") !== declared.nullable) {
        const nullable = (yes: boolean) => (yes ? "nullable" : "NOT NULL")
        problems.push(`${table.name}.${name} is ${nullable(column.is_nullable === "YES")} in the database but ${nullable(declared.nullable)} in code`)
      }
    }
    for (const name of actual.keys()) {
      if (!(name in table.columns)) problems.push(`${table.name}.${name} exists in the database but is not declared in code`)
    }
  }
  return problems
}
