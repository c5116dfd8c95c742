/**
 * Messages in two languages that must have the same keys. `defineMessages(zh, en)` is a type error
 * when en lacks a key of zh (SameKeys) or has one zh lacks (NoExtraKeys, which also holds for objects
 * declared elsewhere, where TypeScript's excess-property check does not), at any depth: every module's
 * and the shared messages stay in step by construction.
 */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

/** The shape of T with every text a string: what the other language must fill. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export interface Messages<T extends MessageTree = MessageTree> {
  zh: T;
  en: SameKeys<T>;
}

/** U may have no key that T lacks, at any depth. */
export type NoExtraKeys<U, T> = { [K in Exclude<keyof U, keyof T>]: never } & { [K in keyof U & keyof T]: U[K] extends string ? unknown : NoExtraKeys<U[K], T[K]> };

export const defineMessages = <T extends MessageTree, U extends SameKeys<T>>(zh: T, en: U & NoExtraKeys<U, T>): Messages<T> => ({ zh, en });

/** The fields every record has (resources.<Type>.fields). */
export const COMMON_FIELDS = defineMessages(
  { id: '编号', createdAt: '创建时间', updatedAt: '更新时间', sourceDocumentId: '来源文件', sourceClauseId: '来源条款', q: '搜索' },
  { id: 'ID', createdAt: 'Created', updatedAt: 'Updated', sourceDocumentId: 'Source document', sourceClauseId: 'Source clause', q: 'Search' },
);

/** Deep-merges message trees; two modules defining the same text is a mistake, so it throws. */
export function mergeMessages(into: MessageTree, from: MessageTree, path = ''): MessageTree {
  for (const [key, value] of Object.entries(from)) {
    const at = path ? `${path}.${key}` : key;
    const existing = into[key];
    if (existing === undefined) into[key] = typeof value === 'string' ? value : mergeMessages({}, value, at);
    else if (typeof existing === 'string' || typeof value === 'string') throw new Error(`messages: ${at} is defined twice`);
    else mergeMessages(existing, value, at);
  }
  return into;
}
