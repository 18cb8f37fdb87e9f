/** Says a message in a live region. Cleared first, so a screen reader announces a repeated message again. */
export function announce(region: HTMLElement, message: string): void {
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}
