/** SQL migrations, applied by Netlify on deploy and by the local tooling (npm start, npm run dev, tests). */
export const migrationsDirectory = new URL('../../../netlify/database/migrations/', import.meta.url);
