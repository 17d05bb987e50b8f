/** Joins a site-relative path to the configured base (PP_BASE), e.g. url('chapters/05-napi/'). */
export function url(path = ''): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  const rest = path.replace(/^\/+/, '');
  return `${base}/${rest}`;
}

export function chapterUrl(id: string): string {
  return url(`chapters/${id}/`);
}
