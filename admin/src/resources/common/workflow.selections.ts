/** What the console reads of every workflow record (common/workflow.tsx draws it): the moves open to the signed-in user, and the steps. */
export const MOVES_SELECTION = 'nextMoves { to reasonRequired datedByHand requiredFields }';
export const STEPS_SELECTION = 'id fromStatus toStatus stepDate actorName reason at';
