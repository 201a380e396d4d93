/**
 * The last words of a page of a keypad menu (prompts in appointments.json, which every paged
 * menu's handler carries): 9 for more choices while pages follow; on the last of several, 9
 * for the first again (the flows' 9 asks for the next page, and past the last that is the
 * first); 8 to hear the page again on every page.
 */
export const menuPageOutro = (page: number, pageCount: number): string => {
  if (page < pageCount) return 'appointments.menu.more';
  return pageCount > 1 ? 'appointments.menu.first' : 'appointments.menu.repeat';
};
