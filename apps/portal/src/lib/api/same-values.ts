/**
 * A compile-time tie between a list of codes the portal spells out (to render choices)
 * and the union the served OpenAPI document declares for that field: `SameValues<L, U>`
 * is `L` only when the list holds exactly the union's members, and `never` otherwise, so
 * a vocabulary that changes on the server fails the portal's typecheck once the types
 * are regenerated (and the types test fails until they are).
 */
export type SameValues<List extends readonly string[], Union extends string> = [Union] extends [
  List[number],
]
  ? [List[number]] extends [Union]
    ? List
    : never
  : never;
