/**
 * The part of render-runtime (vtex.render-runtime, a peer dependency in
 * manifest.json) the admin pages use: the route's query, navigation that the
 * VTEX Admin's URL and history follow, and the admin's culture.
 */
declare module 'vtex.render-runtime' {
  export interface NavigateOptions {
    /** A route id of admin/routes.json. */
    page?: string
    /** A path (with or without a query string). */
    to?: string
    /** A query string without "?". */
    query?: string
    params?: Record<string, string>
    replace?: boolean
    fallbackToWindowLocation?: boolean
  }

  export interface SetQueryOptions {
    /** Keep the other parameters (default true). */
    merge?: boolean
    /** Replace the history entry instead of adding one (default false). */
    replace?: boolean
  }

  export interface RenderRuntime {
    /** The URL's query, parsed. */
    query: Record<string, string | undefined>
    setQuery: (
      query: Record<string, string | undefined>,
      options?: SetQueryOptions
    ) => boolean
    navigate: (options: NavigateOptions) => boolean
    route: {
      id: string
      path: string
      params: Record<string, string>
    }
    culture: {
      locale: string
      language: string
      country: string
      currency: string
    }
  }

  export const useRuntime: () => RenderRuntime
}
