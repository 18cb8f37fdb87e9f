import { letterText, signature, type Sender } from '../lib/letter/letter';
import { composeLinks, type Composer } from '../lib/letter/links';
import { copyText } from './clipboard';

const isComposer = (name: string | undefined): name is Composer =>
  name !== undefined && name in composeLinks;

/**
 * Turns the stacked letters into a switchable, signable letter, and keeps every email link on the page
 * in step with the signature. Runs only in the browser; nothing typed leaves it.
 */
export function enhanceSampleLetter(): void {
  const root = document.querySelector<HTMLElement>('[data-sample-letter]');
  if (!root) return;
  const letters = [...root.querySelectorAll<HTMLElement>('article.letter')];
  const field = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  const checked = (name: string) =>
    root.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  /** Each official's card carries their salutation in every language, as JSON. */
  const salutation = (targetId: string | undefined, lang: string) => {
    const card = document.querySelector<HTMLElement>(`[data-target="${targetId}"]`);
    return (JSON.parse(card?.dataset['salutations'] ?? '{}') as Record<string, string>)[lang] ?? '';
  };

  const parts = (letter: HTMLElement, targetId: string | undefined) => ({
    salutation: salutation(targetId, letter.dataset['lang'] ?? ''),
    body: [...letter.querySelectorAll('[data-part="body"]')]
      .map((p) => p.textContent ?? '')
      .join('\n\n'),
    closing: letter.querySelector('[data-part="closing"]')?.textContent ?? '',
  });
  const sender = (): Sender => ({
    name: field('sender-name')?.value,
    place: field('sender-place')?.value,
  });

  const render = () => {
    const lang = checked('letter-lang');
    const targetId = checked('letter-target');
    const signed = sender();
    for (const letter of letters) {
      letter.hidden = letter.dataset['lang'] !== lang;
      const salutationLine = letter.querySelector('[data-part="salutation"]');
      if (salutationLine) salutationLine.textContent = parts(letter, targetId).salutation;
      const signatureLine = letter.querySelector<HTMLElement>('[data-part="signature"]');
      if (signatureLine) {
        const lines = signature(signed);
        signatureLine.replaceChildren(
          ...lines.flatMap((line, index) =>
            index ? [document.createElement('br'), line] : [line],
          ),
        );
        signatureLine.hidden = lines.length === 0;
      }
    }
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-compose]')) {
      const letter = letters.find(
        (candidate) => candidate.dataset['lang'] === link.dataset['lang'],
      );
      const composer = link.dataset['compose'];
      if (!letter || !isComposer(composer)) continue;
      const card = link.closest<HTMLElement>('[data-target]');
      const body = letterText(parts(letter, card?.dataset['target']), signed);
      link.href = composeLinks[composer]({
        to: link.dataset['to'] ?? '',
        subject: letter.dataset['subject'] ?? '',
        body,
      });
    }
  };

  for (const fieldset of root.querySelectorAll<HTMLElement>('[data-enhanced]'))
    fieldset.hidden = false;
  root.addEventListener('input', render);
  root.addEventListener('change', render);
  for (const letter of letters) {
    const button = letter.querySelector<HTMLButtonElement>('button[data-copy-letter]');
    const status = letter.querySelector<HTMLElement>('.copy-status');
    const text = letter.querySelector<HTMLElement>('.letter-text');
    if (!button || !status || !text) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const copied = letterText(parts(letter, checked('letter-target')), sender());
      void copyText(copied, text, status);
    });
  }
  render();
}
