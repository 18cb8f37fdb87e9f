/**
 * Which valid reports are held out of the public tally until an organizer reviews them. These
 * signals are never answered as errors, which would teach a bot what to change: a held report is
 * stored and answered like any other.
 */
import type { Report } from './schema';

/** Why a report is held; the database's CHECK on reports.review_reasons lists the same names. */
export const reviewReasons = ['honeypot', 'too-fast', 'surge'] as const;
export type ReviewReason = (typeof reviewReasons)[number];

/**
 * The reasons to hold a report as automated: a filled honeypot, or a form sent sooner than
 * `minFillMs` after it could first be seen. A clock running ahead makes the fill time negative:
 * that is never flagged, so a person is not kept out by it.
 */
export function automatedSignals(
  report: Report,
  receivedAt: number,
  minFillMs: number,
): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if ((report.website ?? '').trim() !== '') reasons.push('honeypot');
  const fillMs = receivedAt - report.startedAt;
  if (fillMs >= 0 && fillMs < minFillMs) reasons.push('too-fast');
  return reasons;
}
