/** A move the API offers the signed-in user (`nextMoves`, from the workflow's one declaration on the server). */
export interface Move {
  to: string;
  reasonRequired: boolean;
  datedByHand: boolean;
  requiredFields: string[];
}

/** What the move's text needs of a WorkflowView (workflow.tsx): the GraphQL type and its status enum. */
export interface MoveTarget {
  /** The mutation is `advance<resource>`. */
  resource: string;
  statusEnum: string;
}

/**
 * The mutation a move sends: `advance<Type>` with the move's own fields. Built at run time (the type
 * comes from the view, the fields from the API's nextMoves), so it is not in a .graphql file:
 * api/test/console-operations.test.ts validates it against schema/admin.graphql for every workflow
 * view and every move the schema allows. Plain TypeScript (no JSX) so that test can load it.
 */
export function moveOperation(view: MoveTarget, move: Move): string {
  const fields = move.requiredFields;
  const args = [
    '$id: ID!',
    `$to: ${view.statusEnum}!`,
    // non-null where the day is given by hand: some workflows' `date` argument is LocalDate!
    `$date: LocalDate${move.datedByHand ? '!' : ''}`,
    '$reason: String',
    '$key: String',
    ...fields.map((f) => `$${f}: String`),
  ].join(', ');
  const use = ['id: $id', 'to: $to', 'date: $date', 'reason: $reason', 'idempotencyKey: $key', ...fields.map((f) => `${f}: $${f}`)].join(', ');
  return `mutation Advance${view.resource}(${args}) { advance${view.resource}(${use}) { id status } }`;
}

/** The move's variables from its dialog's values (date, reason and each required field) and the idempotency key. */
export function moveVariables(recordId: string, move: Move, values: Record<string, string>, key: string): Record<string, unknown> {
  return {
    id: recordId,
    to: move.to,
    date: move.datedByHand ? values.date : null,
    reason: values.reason.trim() || null,
    key,
    ...Object.fromEntries(move.requiredFields.map((f) => [f, values[f].trim()])),
  };
}
