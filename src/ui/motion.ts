// Motion that carries meaning and never holds the player up: a copy that flies off while the real
// screen has already moved on. The copy is hidden from assistive technology and from the pointer,
// and removes itself. Callers skip it under reduced motion.

/** A copy of `el` at its place on the page that plays the animation `className` and goes. */
function ghost(el: HTMLElement, className: string, ms: number): void {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0) return;
  const copy = el.cloneNode(true) as HTMLElement;
  // no duplicate ids, nothing to focus or hear
  for (const node of [copy, ...copy.querySelectorAll('[id], [aria-labelledby], [aria-describedby]')]) {
    node.removeAttribute('id');
    node.removeAttribute('aria-labelledby');
    node.removeAttribute('aria-describedby');
  }
  copy.setAttribute('aria-hidden', 'true');
  copy.setAttribute('inert', '');
  copy.classList.add('motion-ghost', className);
  copy.style.left = `${rect.left}px`;
  copy.style.top = `${rect.top}px`;
  copy.style.width = `${rect.width}px`;
  copy.style.height = `${rect.height}px`;
  document.body.append(copy);
  setTimeout(() => copy.remove(), ms);
}

/** The chosen card leaves the table. */
export function flyAway(card: HTMLElement): void {
  ghost(card, 'card-leaving', 650);
}
