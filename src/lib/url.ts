/** Joins a site-relative path to the configured base (PP_BASE), e.g. url('chapters/05-napi/'). */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  const rest = path.replace(/^\/+/, '');
  return `${base}/${rest}`;
}

export function chapterUrl(id: string): string {
  return url(`chapters/${id}/`);
}

/** The chapter id of a page path such as /base/chapters/05-napi/, or null on any other page. */
export function chapterIdOf(pathname: string): string | null {
  return /chapters\/([^/]+)\/?$/.exec(pathname)?.[1] ?? null;
}

/** The chapter's file from a page path such as /base/chapters/05-napi/, for build errors that name it. */
export function chapterFromPath(pathname: string): string {
  const id = chapterIdOf(pathname);
  return id ? `content/chapters/${id}.mdx` : pathname;
}
