import { type ComponentType, createElement, lazy, Suspense } from 'react';
import { Loading, type ResourceProps } from 'react-admin';
import type { Messages } from '../../i18n/messages';

export type ChipColor = 'default' | 'primary' | 'info' | 'success' | 'warning' | 'error';

/** Who is looking: the role, and whether it may edit (ADMIN, PARTY_OFFICE). */
export interface Viewer {
  role: string;
  edit: boolean;
  /** The signed-in user's unit (UNIT_STAFF), for menu entries such as 我的任务. */
  unitId?: string | number | null;
}

/** A page of its own (not a resource's list/show/edit), e.g. /my-tasks. */
export interface ConsoleRoute {
  path: string;
  component: ComponentType;
}

/**
 * The menu's groups (issue 17 item 5), in menu order: 工作, 组织, 奖励, 评星, 系统. A module names the
 * group of its entries and resources; the layout shows each group as a collapsible section.
 */
export const MENU_GROUPS = ['work', 'organization', 'incentives', 'ratings', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** An entry of the menu that is not a resource's list. */
export interface MenuEntry {
  to: string;
  /** The menu group it is listed in. */
  group: MenuGroup;
  label: string;
  icon: ComponentType;
  testId: string;
  visible: (v: Viewer) => boolean;
}

/**
 * A domain of the console, registering itself (after the react-admin demo's `src/<resource>/index.ts`
 * spread into `<Resource>`): its resources for the viewer's role, its own pages and menu entries, its
 * zh and en messages, and the nested fields its screens need beside a record's scalars (selections).
 * The console is the list of modules in admin/src/modules.ts; App.tsx, the menu, the i18n provider
 * and the data provider read everything from that list.
 */
export interface ConsoleModule {
  name: string;
  /** The menu group of its resources' lists (a resource may name another with `options: { menuGroup }`). */
  menuGroup?: MenuGroup;
  /** Its resources, in menu order; null where the viewer's role does not see one. */
  resources?: (v: Viewer) => Array<ResourceProps | null>;
  routes?: (v: Viewer) => Array<ConsoleRoute | null>;
  menu?: MenuEntry[];
  messages: Messages;
  /** The colour of each value of its status enums (StatusChip). */
  statusColors?: Record<string, Record<string, ChipColor>>;
  /** Nested fields per type: `list` for lists, references and mutation results; `one` adds to it for a record's page. */
  selections?: Record<string, { list: string; one?: string }>;
  /** What it shows on the compound page (小区台账), each section its own card, in `order`. */
  compoundSections?: CompoundSection[];
  /** What it puts in the app bar for every signed-in user, before the user menu (the notification bell): small, loaded with the layout. */
  appBar?: ComponentType[];
}

/** A part of the compound page a domain adds: the compound's records it keeps, and what is due. */
export interface CompoundSection {
  key: string;
  /** Where it goes on the page (lower first). */
  order: number;
  /** The message key of its heading. */
  title: string;
  component: ComponentType<{ compoundId: string; asOf: string }>;
}

/**
 * A screen loaded when first shown (its module's code is a chunk of its own: the bundle is split by
 * route). `pick` names the export, since a screen file exports several.
 */
export function screen<M extends Record<string, unknown>, P extends object = object>(load: () => Promise<M>, pick: keyof M & string): ComponentType<P> {
  // one component per screen, however often a module's resources are listed (a new one would remount the page)
  const known = made.get(load) ?? made.set(load, new Map()).get(load)!;
  const existing = known.get(pick);
  if (existing) return existing as ComponentType<P>;
  const Lazy = lazy(async () => ({ default: (await load())[pick] as ComponentType }));
  const Screen = (props: object) => createElement(Suspense, { fallback: createElement(Loading) }, createElement(Lazy, props));
  Screen.displayName = pick;
  known.set(pick, Screen as ComponentType);
  return Screen as ComponentType<P>;
}

const made = new WeakMap<() => Promise<unknown>, Map<string, ComponentType>>();

/**
 * A resource's usual screens from one screen file that exports `<prefix>List`, `<prefix>Show`,
 * `<prefix>Edit` and `<prefix>Create`: list and show for everyone, edit and create for editors only
 * (`only` names fewer).
 */
export function crudScreens<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  prefix: string,
  edit: boolean,
  only: Array<'list' | 'show' | 'edit' | 'create'> = ['list', 'show', 'edit', 'create'],
): Pick<ResourceProps, 'list' | 'show' | 'edit' | 'create'> {
  const pick = (kind: 'list' | 'show' | 'edit' | 'create') =>
    only.includes(kind) && (edit || kind === 'list' || kind === 'show') ? screen(load, `${prefix}${kind[0].toUpperCase()}${kind.slice(1)}` as keyof M & string) : undefined;
  return { list: pick('list'), show: pick('show'), edit: pick('edit'), create: pick('create') };
}
