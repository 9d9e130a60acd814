// The teacher's private link: the session id and the teacher's secret in the URL's fragment
// (#live-teacher=SESSION.SECRET), which browsers never send to a server, so it stays out of logs.
export function teacherFragment(sessionId: string, secret: string): string {
  return `#live-teacher=${sessionId}.${secret}`;
}

/** The session id and secret of a teacher link's fragment, or null when it is not one. */
export function readTeacherFragment(fragment: string): { sessionId: string; secret: string } | null {
  const match = /^#live-teacher=([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22,64})$/.exec(fragment);
  return match ? { sessionId: match[1]!, secret: match[2]! } : null;
}
