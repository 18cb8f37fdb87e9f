/** The report's rules as the form's script fetches them, in one file, when the form comes into view. */
export { reportFromForm } from '../lib/reports/form';
export { checkReport } from '../lib/reports/schema';
