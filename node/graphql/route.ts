import type { GraphQLOptions, RouteHandler } from '@vtex/api'
import { nameSpanOperationMiddleware } from '@vtex/api/lib/service/tracing/tracingMiddlewares'
import { injectGraphqlContext } from '@vtex/api/lib/service/worker/runtime/graphql/middlewares/context'
import { graphqlError } from '@vtex/api/lib/service/worker/runtime/graphql/middlewares/error'
import { extractQuery } from '@vtex/api/lib/service/worker/runtime/graphql/middlewares/query'
import { response } from '@vtex/api/lib/service/worker/runtime/graphql/middlewares/response'
import { run } from '@vtex/api/lib/service/worker/runtime/graphql/middlewares/run'
import { updateSchema } from '@vtex/api/lib/service/worker/runtime/graphql/middlewares/updateSchema'
import { upload } from '@vtex/api/lib/service/worker/runtime/graphql/middlewares/upload'
import { makeSchema } from '@vtex/api/lib/service/worker/runtime/graphql/schema'

import { requestErrors, responseErrors } from './contract'

/** The route id @vtex/api and the graphql builder give the app's GraphQL endpoint. */
export const GRAPHQL_ROUTE = '__graphql'

/**
 * The app's GraphQL endpoint: @vtex/api 6.x's own pipeline (the same schema
 * builder, directives, @auth, cache control, execution and logging that
 * `new Service({ graphql })` would mount), served as the app's `__graphql`
 * route with the error contract around it (graphql/contract.ts). Declared
 * in `routes` instead of `graphql` because @vtex/api gives apps no other
 * hook before it parses and validates a query; the graphql builder still
 * declares the route (service.json `__graphql`, private, /_v/graphql).
 */
export function graphqlRoute(options: GraphQLOptions<any, any, any>) {
  const schema = makeSchema(options)

  return [
    nameSpanOperationMiddleware('graphql-handler', GRAPHQL_ROUTE),
    updateSchema(options, schema),
    injectGraphqlContext,
    response,
    responseErrors,
    graphqlError,
    upload,
    requestErrors,
    extractQuery(schema),
    run(schema),
  ] as unknown as Array<RouteHandler<any, any, any>>
}
