/** Attributes of an element: `class`, ARIA and data attributes, properties such as `tabIndex`, listeners `on*`. */
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: never) => void)>;
export type Child = Node | string | null | undefined | false;

/** Make an HTML element. Styles are set through `style` objects (CSSOM), never as inline style text. */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

const svgNs = 'http://www.w3.org/2000/svg';

/** Make an SVG element. */
export function s(tag: string, attrs: Attrs = {}, ...children: Child[]): SVGElement {
  const el = document.createElementNS(svgNs, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

function apply(el: Element, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    else if (key === 'tabIndex') (el as HTMLElement).tabIndex = Number(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child);
  }
}

/** A text cut to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** "1 claim", "3 claims". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** Replace an element's children, leaving out the empty ones. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Click, or Enter and Space on an element that is not a button, run `open`. */
export function activatable(el: Element, open: () => void): void {
  el.addEventListener('click', open);
  if (el instanceof HTMLButtonElement) return;
  el.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    event.preventDefault();
    open();
  });
}

/** Hovering or focusing an element shows `content` in the tooltip; leaving it hides it. */
export function hinted(
  el: Element,
  tooltip: (target: Element | null, content?: Node) => void,
  content: () => Node,
): void {
  el.addEventListener('mouseenter', () => tooltip(el, content()));
  el.addEventListener('focus', () => tooltip(el, content()));
  el.addEventListener('mouseleave', () => tooltip(null));
  el.addEventListener('blur', () => tooltip(null));
}
