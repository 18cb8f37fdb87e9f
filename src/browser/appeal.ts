/** The site's one script for its pages with a form or a tally: each part enhances markup that already works without it. */
import { enhanceCopyButtons } from './clipboard';
import { enhanceDeadline } from './deadline';
import { enhanceReportForm } from './report-form';
import { enhanceSampleLetter } from './sample-letter';
import { enhanceTally } from './tally';

enhanceDeadline();
enhanceCopyButtons();
enhanceSampleLetter();
enhanceReportForm();
enhanceTally();
