import type { IntegrationLogQuery } from '../../graphql/generated'

/** A log as the detail drawer reads it (the integrationLog query). */
export type LogDetailData = NonNullable<IntegrationLogQuery['integrationLog']>
