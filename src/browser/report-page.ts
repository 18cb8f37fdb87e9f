/** The report page's script: the same enhanced form as on the appeal page. */
import { enhanceReportForm } from './report-form';

enhanceReportForm();
