/** The few DOM helpers every panel uses. Data only ever reaches the page as textContent. */

/** The page's element with this id; a missing one is a broken page, not a state to handle. */
export const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`The page has no #${id}`);
  return found as T;
};

/** An element with text. */
export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text = '',
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  node.textContent = text;
  return node;
};

/** Fills a list with one item per line. */
export const fillList = (list: HTMLElement, lines: readonly string[]): void =>
  list.replaceChildren(...lines.map((line) => el('li', line)));

/**
 * Heads the table around `body` with one column header per entry of `columns`, in the order the
 * panel's rows give their cells: the page writes each table as its empty body only, and the
 * panel that fills the rows names the columns beside them.
 */
export const headColumns = (body: HTMLTableSectionElement, columns: readonly string[]): void => {
  const table = body.parentElement;
  if (!(table instanceof HTMLTableElement)) throw new Error('A table body outside a table');
  const row = el('tr');
  row.append(
    ...columns.map((column) => {
      const header = el('th', column);
      header.scope = 'col';
      return header;
    }),
  );
  table.createTHead().replaceChildren(row);
};
