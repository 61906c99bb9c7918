import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL: where clients reach this server, never taken from a request's Host. */
    publicUrl: string;
  }
}

/** amoCRM links are absolute URLs on the account's own host: the configured one. */
export function absoluteUrl(request: FastifyRequest, path: string): string {
  return `${request.server.publicUrl}${path}`;
}

export function selfLink(request: FastifyRequest, path: string) {
  return { self: { href: absoluteUrl(request, path) } };
}

/** `_page` and `_links.self/next/prev` for a list page, keeping the caller's query string. */
export function pageLinks(request: FastifyRequest, page: number, hasNext: boolean) {
  const url = new URL(request.url, 'http://placeholder');
  const at = (p: number) => {
    url.searchParams.set('page', String(p));
    return { href: absoluteUrl(request, `${url.pathname}?${url.searchParams.toString()}`) };
  };
  return {
    _page: page,
    _links: {
      self: at(page),
      ...(hasNext ? { next: at(page + 1) } : {}),
      ...(page > 1 ? { prev: at(page - 1) } : {}),
    },
  };
}
