/** Pages meant for paper: a print button where printing can be started, and today's date where the letter asks for it. */
function enhancePrinting(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
  const today = document.querySelector<HTMLElement>('[data-today]');
  if (!today) return;
  // The date is filled in here, in the letter's language: the hint no longer asks the reader to write it.
  today.textContent = new Intl.DateTimeFormat(today.closest<HTMLElement>('[lang]')?.lang, {
    dateStyle: 'long',
  }).format(new Date());
  const hint = document.querySelector<HTMLElement>('[data-hint-dated]');
  if (hint) hint.textContent = hint.dataset['hintDated'] ?? hint.textContent;
}

enhancePrinting();
