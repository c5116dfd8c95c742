// Stands in for @apollo/client's `gql` when api/bench/console-documents.mjs loads the console's query builder in Node:
// the client sends print(gql`…`), and print(parse(x)) is the same text.
import { parse } from 'graphql';

export const gql = (strings, ...values) => parse(String.raw({ raw: strings }, ...values));
