import { englishMessages, sharedEn } from './en';
import { defineMessages, mergeMessages, type MessageTree, type Messages } from './messages';
import { raZh, sharedZh } from './zh';

/** The shared messages: the same keys in both languages (a type error otherwise). */
const SHARED = defineMessages(sharedZh, sharedEn);

const merged = (ra: object, shared: MessageTree, modules: MessageTree[]): MessageTree => modules.reduce((all, m) => mergeMessages(all, m), mergeMessages({ ...(ra as MessageTree) }, shared));

/** Every message of the console per language: react-admin's, the shared ones and the modules' (a text defined twice throws). */
export function buildCatalog(modules: Messages[]): { zh: MessageTree; en: MessageTree } {
  return {
    zh: merged(
      raZh,
      SHARED.zh,
      modules.map((m) => m.zh),
    ),
    en: merged(
      englishMessages,
      SHARED.en as MessageTree,
      modules.map((m) => m.en as MessageTree),
    ),
  };
}
