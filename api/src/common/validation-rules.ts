import { type ASTVisitor, GraphQLError, type ValidationContext } from 'graphql';

/**
 * A query, mutation or subscription the schema has no root type for is a validation error
 * (GRAPHQL_VALIDATION_FAILED), not an execution failure: graphql-js 16 only notices at execution
 * and answers INTERNAL_SERVER_ERROR. (graphql 17 has this rule built in.)
 */
export function KnownOperationTypes(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`This API has no ${node.operation} operations`, { nodes: node }));
      }
    },
  };
}
