/**
 * pg refuses a connection string without a user where USER is unset (as in CI), and the local
 * Netlify Database gives none: name the default one.
 */
export function withUser(connectionString: string): string {
  const url = new URL(connectionString);
  if (!url.username) url.username = 'postgres';
  return url.toString();
}
