import { announce } from './announce';

/** Copies text, falling back to a selection the reader can copy by hand when the Clipboard API is refused. */
export async function copyText(
  text: string,
  source: HTMLElement,
  status: HTMLElement,
): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('Clipboard API unavailable');
    await navigator.clipboard.writeText(text);
    announce(status, status.dataset['copied'] ?? '');
  } catch {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    // Deprecated, yet the only copy path left when the Clipboard API is refused (older browsers, http).
    const copied = document.execCommand('copy');
    announce(status, (copied ? status.dataset['copied'] : status.dataset['fallback']) ?? '');
  }
}

/** Wires every copy button on the page: data-copy names the id of the element whose text is copied. */
export function enhanceCopyButtons(root: ParentNode = document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const source = document.getElementById(button.dataset['copy'] ?? '');
    const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
    if (!source || !status) continue;
    button.hidden = false;
    button.addEventListener('click', () => void copyText(source.innerText.trim(), source, status));
  }
}
