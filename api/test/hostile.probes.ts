import fc from 'fast-check';
import { getNamedType, type GraphQLEnumType, type GraphQLField, type GraphQLInputType, type GraphQLObjectType, isEnumType, isInputObjectType, isListType, isNonNullType, isObjectType } from 'graphql';
import type { Attack } from './hostile.check';
import { type Endpoint, inlineCall, leafSelection, literal, printedSchema, rootQueryFields } from './hostile.schema';
import { CALLERS, LIMITS, tokensOf } from './hostile.shapes';

/*
 * Fragments (cycles, spreads multiplying) and suggestion probes (misspelled names everywhere a
 * name goes, inline and in variables): issue 12 item 10.
 */

const endpointAndCaller = fc.constantFrom<Endpoint>('admin', 'partner').chain((endpoint) => fc.record({ endpoint: fc.constant(endpoint), who: fc.constantFrom(...CALLERS[endpoint]) }));
const ROOT_TYPE: Record<Endpoint, string> = { admin: 'User', partner: 'Area' };
const ROOT_FIELD: Record<Endpoint, string> = { admin: 'me', partner: 'areas(first: 2) { edges { node' };
const ROOT_CLOSE: Record<Endpoint, string> = { admin: '', partner: ' } }' };

/**
 * Fragment cycles (refused by validation), fragments spreading the next one `copies` times for
 * `levels` levels (copies^levels selections once spread: refused by cost or answered, in either case
 * quickly), undefined or mistyped spreads, and inline fragments nested deep (flattened by the depth limit).
 */
export function fragments(seed: number, runs: number): Attack[] {
  const arb = fc.record({
    ec: endpointAndCaller,
    kind: fc.constantFrom('cycle', 'multiplying', 'multiplying', 'undefined', 'mistyped', 'inline'),
    n: fc.integer({ min: 1, max: 40 }),
    copies: fc.integer({ min: 2, max: 4 }),
  });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, kind, n, copies }): Attack => {
    const on = ROOT_TYPE[endpoint];
    const open = `{ ${ROOT_FIELD[endpoint]} { `;
    const close = ` }${ROOT_CLOSE[endpoint]} }`;
    const base = { cls: 'fragments', endpoint, who } as const;
    if (kind === 'cycle') {
      const defs = Array.from({ length: n }, (_, i) => `fragment F${i} on ${on} { id ...F${(i + 1) % n} }`).join(' ');
      return { ...base, label: `fragment cycle of ${n}`, body: { query: `${open}...F0${close} ${defs}` }, expect: { refused: ['GRAPHQL_VALIDATION_FAILED'] } };
    }
    // Up to 2^20 selections once expanded: far past every limit, yet a few hundred bytes.
    if (kind === 'multiplying') return multiplying(endpoint, who, copies, Math.min(Math.ceil(n / 2), Math.floor(20 / Math.log2(copies))));
    if (kind === 'undefined') return { ...base, label: 'spread of an undefined fragment', body: { query: `${open}...Nope${n}${close}` }, expect: { refused: ['GRAPHQL_VALIDATION_FAILED'] } };
    if (kind === 'mistyped') {
      const other = endpoint === 'admin' ? 'Payout' : 'Company';
      return { ...base, label: `fragment on ${other} spread in ${on}`, body: { query: `${open}...W${close} fragment W on ${other} { id }` }, expect: { refused: ['GRAPHQL_VALIDATION_FAILED'] } };
    }
    const depth = n * 20;
    const doc = `{ ${'... on Query { '.repeat(depth)}__typename${' }'.repeat(depth)} }`;
    const overTokens = tokensOf(doc) > LIMITS[endpoint].tokens;
    return { ...base, label: `inline fragments ${depth} deep`, body: { query: doc }, expect: overTokens ? { limit: 'tokens' } : { within: ['depth'] } } as Attack;
  });
}

/**
 * Fragments each spreading the next one `copies` times for `levels` levels: copies^levels
 * selections once expanded from a document of a few hundred bytes. Whatever walks the document
 * must not expand it (the limits count each fragment once); refused by cost or answered, quickly.
 */
export function multiplying(endpoint: Endpoint, who: Attack['who'], copies: number, levels: number): Attack {
  const on = ROOT_TYPE[endpoint];
  const defs = Array.from({ length: levels }, (_, i) => `fragment F${i} on ${on} { ${`...F${i + 1} `.repeat(copies)}}`).join(' ');
  const doc = `{ ${ROOT_FIELD[endpoint]} { ...F0 }${ROOT_CLOSE[endpoint]} } ${defs} fragment F${levels} on ${on} { id }`;
  return {
    cls: 'fragments',
    endpoint,
    who,
    label: `fragments spreading ${copies}× for ${levels} levels (${copies}^${levels} selections, ${doc.length} bytes)`,
    body: { query: doc },
    expect: { within: ['depth', 'aliases', 'directives', 'tokens'] },
  };
}

/** `allUnits` → `alUnits`, `allUnitss`, `aUllnits`, `AllUnits`: never a real name. */
function misspell(name: string, how: number, pos: number, taken: Set<string>): string {
  const i = pos % Math.max(1, name.length - 1);
  const variants = [
    name.slice(0, i) + name.slice(i + 1),
    name.slice(0, i) + name[i] + name.slice(i),
    name.slice(0, i) + (name[i + 1] ?? '') + name[i] + name.slice(i + 2),
    name[0] === name[0].toUpperCase() ? name[0].toLowerCase() + name.slice(1) : name[0].toUpperCase() + name.slice(1),
    `${name}s`,
  ];
  for (let k = 0; k < variants.length; k++) {
    const v = variants[(how + k) % variants.length];
    if (v && v !== name && !taken.has(v) && /^[_A-Za-z][_0-9A-Za-z]*$/.test(v)) return v;
  }
  return `${name}Zz`;
}

/**
 * Misspelled root fields, nested fields, arguments, input fields and enum values (inline and in
 * variables), variable types, type conditions and directives: refused, and never "Did you mean …".
 */
export function suggestions(seed: number, runs: number): Attack[] {
  const arb = fc.record({
    ec: endpointAndCaller,
    where: fc.constantFrom('root', 'nested', 'argument', 'inputField', 'inputFieldVariable', 'enum', 'enumVariable', 'variableType', 'typeCondition', 'directive', 'mutation'),
    pick: fc.nat(),
    how: fc.nat({ max: 4 }),
    pos: fc.nat({ max: 30 }),
  });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, where, pick, how, pos }): Attack => {
    const schema = printedSchema(endpoint);
    const roots = rootQueryFields(schema).filter((f) => isObjectType(getNamedType(f.type)));
    const root = roots[pick % roots.length];
    const rootType = getNamedType(root.type) as GraphQLObjectType;
    const typeNames = new Set(Object.keys(schema.getTypeMap()));
    const call = inlineCall(root, 1);
    const sel = leafSelection(rootType);
    const base = { cls: 'suggestions', endpoint, who } as const;
    const refused = (label: string, query: string, variables?: Record<string, unknown>, codes = ['GRAPHQL_VALIDATION_FAILED']): Attack => ({
      ...base,
      label,
      body: { query, variables },
      expect: { refused: codes },
    });
    if (where === 'root') {
      const bad = misspell(root.name, how, pos, new Set(Object.keys(schema.getQueryType()!.getFields())));
      return refused(`root field ${bad}`, `{ ${bad} ${sel} }`);
    }
    if (where === 'nested') {
      const fields = Object.keys(rootType.getFields());
      const bad = misspell(fields[pos % fields.length], how, pos, new Set(fields));
      return refused(`field ${rootType.name}.${bad}`, `{ ${call} { ${bad} } }`);
    }
    if (where === 'argument' && root.args.length) {
      const bad = misspell(root.args[pos % root.args.length].name, how, pos, new Set(root.args.map((a) => a.name)));
      return refused(`argument ${root.name}(${bad})`, `{ ${call.includes('(') ? call.replace('(', `(${bad}: 1, `) : `${call}(${bad}: 1)`} ${sel} }`);
    }
    const withInput = root.args.find((a) => isInputObjectType(getNamedType(a.type)));
    if ((where === 'inputField' || where === 'inputFieldVariable') && withInput) {
      const input = getNamedType(withInput.type);
      const fields = isInputObjectType(input) ? Object.keys(input.getFields()) : [];
      const bad = misspell(fields[pos % fields.length] ?? 'q', how, pos, new Set(fields));
      if (where === 'inputField') return refused(`input field ${input.name}.${bad}`, `{ ${root.name}(${withInput.name}: { ${bad}: "x" }) ${sel} }`);
      // The variable is declared as the argument is (a list of rows stays a list), so only the misspelt field is wrong.
      const value = { [bad]: 'x' };
      const others = root.args
        .filter((a) => a.name !== withInput.name && isNonNullType(a.type))
        .map((a) => `, ${a.name}: ${literal(a.type)}`)
        .join('');
      const listed = isListType(isNonNullType(withInput.type) ? withInput.type.ofType : withInput.type);
      return refused(
        `input field ${input.name}.${bad} in a variable`,
        `query($v: ${String(withInput.type)}) { ${root.name}(${withInput.name}: $v${others}) ${sel} }`,
        { v: listed ? [value] : value },
        ['BAD_USER_INPUT', 'UNAUTHENTICATED'],
      );
    }
    const spots = enumSpots(endpoint);
    if ((where === 'enum' || where === 'enumVariable') && spots.length) {
      const spot = spots[pick % spots.length];
      const values = spot.e.getValues().map((v) => v.name);
      const bad = misspell(values[pos % values.length], how, pos, new Set(values));
      const others = spot.field.args
        .filter((a) => a.name !== spot.arg && isNonNullType(a.type))
        .map((a) => `, ${a.name}: ${literal(a.type)}`)
        .join('');
      const at = (v: string) => `${spot.field.name}(${spot.arg}: ${spot.path ? `{ ${spot.path}: ${v} }` : v}${others}) ${leafSelection(getNamedType(spot.field.type))}`;
      if (where === 'enum') return refused(`enum value ${spot.e.name}.${bad}`, `{ ${at(spot.list ? `[${bad}]` : bad)} }`);
      return refused(`enum value ${spot.e.name}.${bad} in a variable`, `query($v: ${spot.type}) { ${at('$v')} }`, { v: spot.list ? [bad] : bad }, ['BAD_USER_INPUT', 'UNAUTHENTICATED']);
    }
    if (where === 'variableType') {
      const named = [...typeNames].filter((t) => !t.startsWith('__'));
      const bad = misspell(named[pick % named.length], how, pos, typeNames);
      return refused(`variable type ${bad}`, `query($v: ${bad}) { __typename }`);
    }
    if (where === 'typeCondition') {
      const bad = misspell(rootType.name, how, pos, typeNames);
      return refused(`type condition on ${bad}`, `{ ${call} { ... on ${bad} { __typename } } }`);
    }
    if (where === 'directive') return refused('directive @skp', `{ __typename @${misspell('include', how, pos, new Set(['include', 'skip', 'deprecated', 'specifiedBy', 'oneOf']))}(if: true) }`);
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? { login: 0 });
    const bad = misspell(mutations[pick % mutations.length], how, pos, new Set(mutations));
    return refused(`mutation ${bad}`, `mutation { ${bad}(username: "a", password: "b") { __typename } }`);
  });
}

/** Where an enum goes in a root query field's arguments (directly or one input object down). */
function enumSpots(endpoint: Endpoint): Array<{ field: GraphQLField<unknown, unknown>; arg: string; path?: string; e: GraphQLEnumType; type: string; list: boolean }> {
  return rootQueryFields(printedSchema(endpoint)).flatMap((field) =>
    field.args.flatMap((a) => {
      const t = getNamedType(a.type);
      const spot = (type: GraphQLInputType, path?: string) => ({
        field,
        arg: a.name,
        path,
        e: getNamedType(type) as GraphQLEnumType,
        type: String(type),
        list: isListType(isNonNullType(type) ? type.ofType : type),
      });
      if (isEnumType(t)) return [spot(a.type)];
      if (isInputObjectType(t))
        return Object.values(t.getFields())
          .filter((x) => isEnumType(getNamedType(x.type)))
          .map((x) => spot(x.type, x.name));
      return [];
    }),
  );
}
