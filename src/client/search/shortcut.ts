/** "/" focuses the page's search field, unless the reader is typing somewhere. */
export function listenForSlash(): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select')))
      return;
    const field = document.querySelector<HTMLInputElement>('input[data-search-input]');
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.select();
  });
}
