/** The appeal page's one script: each part enhances markup that already works without it. */
import { enhanceCopyButtons } from './clipboard';
import { enhanceDeadline } from './deadline';
import { enhanceReportForm } from './report-form';
import { enhanceSampleLetter } from './sample-letter';

enhanceDeadline();
enhanceCopyButtons();
enhanceSampleLetter();
enhanceReportForm();
