// On a narrow screen (a phone) the sidebar with the category tree is a drawer, so that the first screen shows
// photos: its button opens it and moves the focus into it (to the tree's row, else the filter); Escape, a tap outside
// or its close button close it and give the focus back to the button; the rest of the page is inert while it is
// open. On a wide screen it is the ordinary sidebar and none of this applies.

export const NARROW = '(max-width: 860px)';

export class Drawer {
  /**
   * @param {object} ui  panel (the sidebar), open and close buttons, backdrop, filter (the field in the panel),
   *                     outside (the elements made inert while it is open)
   */
  constructor(ui) {
    this.ui = ui;
    this.narrow = window.matchMedia(NARROW);
    this.isOpen = false;
    ui.open.addEventListener('click', () => this.open());
    ui.close.addEventListener('click', () => this.close());
    ui.backdrop.addEventListener('click', () => this.close());
    document.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !this.isOpen || event.defaultPrevented) {
        return;
      }
      if (event.target === ui.filter && ui.filter.value !== '') {
        return; // Escape empties the field first
      }
      event.preventDefault();
      this.close();
    });
    this.narrow.addEventListener('change', () => {
      if (!this.narrow.matches) {
        this.close(false);
      }
    });
  }

  /** Whether the sidebar is a drawer now (a narrow screen). */
  isDrawer() {
    return this.narrow.matches;
  }

  open() {
    if (!this.isDrawer()) {
      return;
    }
    this.isOpen = true;
    document.body.classList.add('drawer-open');
    this.ui.backdrop.hidden = false;
    this.ui.open.setAttribute('aria-expanded', 'true');
    this.ui.outside.forEach((element) => {
      element.inert = true;
    });
    const row = this.ui.panel.querySelector('[role="treeitem"][tabindex="0"]');
    (row || this.ui.filter).focus();
  }

  /** Closes the drawer; the focus goes back to its button unless `returnFocus` is false. */
  close(returnFocus = true) {
    if (!this.isOpen) {
      return;
    }
    this.isOpen = false;
    document.body.classList.remove('drawer-open');
    this.ui.backdrop.hidden = true;
    this.ui.open.setAttribute('aria-expanded', 'false');
    this.ui.outside.forEach((element) => {
      element.inert = false;
    });
    if (returnFocus && this.isDrawer()) {
      this.ui.open.focus();
    }
  }

  /** Something was chosen in the drawer (a category, a search): it closes to show the photos. */
  chosen() {
    if (this.isOpen && this.isDrawer()) {
      this.close();
    }
  }
}
