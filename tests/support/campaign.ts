/**
 * The campaign as tests read it from content/, through the same reader and the same choices the
 * site and the desk use, so a test names the officials and languages of whatever appeal it runs on.
 */
import { fileURLToPath } from 'node:url';
import { campaignChoices } from '../../tools/desk/campaign.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The officials (in page order) and languages (the original first) of the appeal in content/. */
export const choices = campaignChoices(projectRoot);
