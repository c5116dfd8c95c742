/*
 * What a notification is about: a kind, a code such as PAYOUT_SUBMITTED, declared by the module that
 * sends it (its index.ts `notificationKinds`, as refusal reasons are declared), with the names of the
 * parameters it carries and a plain Chinese title written with them. The console translates each kind
 * by its code (`notifications.kinds.<KIND>` in the sending module's messages.ts, zh and en, with the
 * same %{param} placeholders); the Chinese title stored with every row is what a client that knows no
 * kind shows, and what the outgoing channels (a webhook to SMS or WeCom) send as text.
 *
 *   const notificationKinds = {
 *     PAYOUT_SUBMITTED: { description: 'A payout waits for approval', params: ['programme', 'amount'], title: '%{programme}：%{amount} 元待审批' },
 *   } as const satisfies NotificationKindDecls;
 *   declare module '../notification/notification.kinds' { interface ModuleNotificationKinds extends KindParams<typeof notificationKinds> {} }
 */

/** One kind of notification, as its module declares it. */
export interface NotificationKindDecl {
  /** What it tells whom, for the reader of the code and the webhook's consumer. */
  description: string;
  /** The parameters every notification of the kind carries (shown in its line: names, amounts, dates). */
  params: readonly string[];
  /** The plain Chinese line, with %{param} placeholders: stored with each row, sent by outgoing channels. */
  title: string;
}

export type NotificationKindDecls = Readonly<Record<string, NotificationKindDecl>>;

/**
 * Every kind the modules declare → the names of its parameters, joined by declaration merging in each
 * sending module's index.ts (see the comment at the top), so `notify` checks kind and parameters.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declarations
export interface ModuleNotificationKinds {}

/** A declared kind. */
export type NotificationKind = keyof ModuleNotificationKinds & string;

/** The parameter names of each kind of a module's declaration, for `ModuleNotificationKinds`. */
export type KindParams<T extends NotificationKindDecls> = { [K in keyof T]: T[K]['params'][number] };

/** What a module registering kinds looks like to the collector (ApiModule's name and notificationKinds). */
export interface KindSource {
  name: string;
  notificationKinds?: NotificationKindDecls;
}

export interface DeclaredKind extends NotificationKindDecl {
  /** The module that declared it. */
  owner: string;
}

const KIND_NAME = /^[A-Z][A-Z0-9_]{0,39}$/;
const PLACEHOLDER = /%\{(\w+)\}/g;

/** The placeholders a template uses. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);

/**
 * Every declared kind, by code. A kind declared twice, misnamed (capitals, digits and _, at most 40), or
 * whose title uses a parameter it does not declare, throws: this runs when the services are made, at start-up.
 */
export function collectKinds(modules: readonly KindSource[]): ReadonlyMap<string, DeclaredKind> {
  const all = new Map<string, DeclaredKind>();
  for (const m of modules) {
    for (const [kind, decl] of Object.entries(m.notificationKinds ?? {})) {
      const first = all.get(kind);
      if (first) throw new Error(`Notification kind ${kind} is declared twice (${first.owner} and ${m.name})`);
      if (!KIND_NAME.test(kind)) throw new Error(`Notification kind "${kind}" (${m.name}) must be written in capitals, digits and _ (at most 40)`);
      const unknown = placeholdersOf(decl.title).filter((p) => !decl.params.includes(p));
      if (unknown.length) throw new Error(`Notification kind ${kind} (${m.name}): its title uses ${unknown.join(', ')}, which it does not declare in params`);
      all.set(kind, { ...decl, owner: m.name });
    }
  }
  return all;
}

/** A template with its placeholders filled (an absent parameter leaves its placeholder, as the console's polyglot does). */
export const fill = (template: string, params: Readonly<Record<string, string | number>>): string =>
  template.replace(PLACEHOLDER, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
