import type {
  MutationResolvers,
  QueryResolvers,
  Resolvers,
} from '../typings/graphql'

/** The generated resolver type of a field, as a plain function (typings/graphql.ts). */
type AsFn<R> = Extract<NonNullable<R>, (...args: any[]) => unknown>

export type QueryFn<K extends keyof QueryResolvers> = AsFn<QueryResolvers[K]>
export type MutationFn<K extends keyof MutationResolvers> = AsFn<
  MutationResolvers[K]
>

/** A field resolver of one GraphQL type. */
export type FieldFn<
  T extends keyof Resolvers,
  K extends keyof NonNullable<Resolvers[T]>
> = AsFn<NonNullable<Resolvers[T]>[K]>
