import type { DataProvider } from 'react-admin';

let loaded: Promise<DataProvider> | undefined;
/** The data provider's code (Apollo, ra-data-graphql, the schema's introspection: most of the console's weight), loaded once. */
const load = () => (loaded ??= import('./index').then((m) => m.dataProvider));

type Method = 'getList' | 'getOne' | 'getMany' | 'getManyReference' | 'create' | 'update' | 'updateMany' | 'delete' | 'deleteMany';
const METHODS: Method[] = ['getList', 'getOne', 'getMany', 'getManyReference', 'create', 'update', 'updateMany', 'delete', 'deleteMany'];

/**
 * The data provider react-admin is given (App.tsx): each method loads the real one (dataProvider/index.ts)
 * on its first call, so the sign-in page, which reads no data, does not wait for it.
 */
export const lazyDataProvider = Object.fromEntries(
  METHODS.map((method) => [method, async (...args: unknown[]) => ((await load())[method] as (...a: unknown[]) => Promise<unknown>)(...args)]),
) as unknown as DataProvider;

/** authProvider.canAccess (dataProvider/capabilities.ts: what the schema offers), from the same lazily loaded module. */
export const lazyCanAccess = async (params: { action: string; resource: string }): Promise<boolean> => (await import('./index')).canAccess(params);
