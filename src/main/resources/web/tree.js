// The category tree's keyboard, as in the WAI-ARIA tree pattern: the tree is one Tab stop (roving tabindex: the
// row last focused, else the selected one, else the first); ↑ and ↓ move between the rows shown, → unfolds a row
// or enters it, ← folds it or goes to its parent, Home and End go to the first and last row, Enter and Space choose
// a row, and typing a letter goes to the next row whose name starts with it. The tree is drawn anew on each change,
// so the keys are handled once, on its container.

import { ImageCache } from './images.js';

const TYPE_AHEAD_MS = 700;

export class TreeKeys {
  /**
   * @param {HTMLElement} container the element the tree is drawn in
   * @param {object} on             expand(key, open): fold or unfold the row with this key (the tree is redrawn)
   */
  constructor(container, on) {
    this.container = container;
    this.on = on;
    this.current = null; // the key of the row that holds the Tab stop
    this.typed = '';
    this.typedAt = 0;
    container.addEventListener('keydown', (event) => this.keydown(event));
    container.addEventListener('focusin', (event) => {
      if (TreeKeys.isItem(event.target)) {
        this.makeCurrent(event.target);
      }
    });
  }

  static isItem(element) {
    return element instanceof HTMLElement && element.getAttribute('role') === 'treeitem';
  }

  /** The rows shown, top to bottom (folded rows' children are not drawn). */
  items() {
    return Array.from(this.container.querySelectorAll('[role="treeitem"]'));
  }

  /** After a redraw: exactly one row is in the Tab order, the one focused last when it is still there. */
  settle() {
    const items = this.items();
    const chosen = items.find((item) => item.dataset.key === this.current)
      || items.find((item) => item.getAttribute('aria-selected') === 'true') || items[0];
    items.forEach((item) => {
      item.tabIndex = item === chosen ? 0 : -1;
    });
  }

  makeCurrent(item) {
    this.current = item.dataset.key;
    for (const other of this.items()) {
      other.tabIndex = other === item ? 0 : -1;
    }
  }

  /** Focuses the row with this key (after a redraw, say); false when it is not shown. */
  focusKey(key) {
    const item = this.items().find((candidate) => candidate.dataset.key === key);
    if (item) {
      this.move(item);
    }
    return item !== undefined;
  }

  move(item) {
    if (item) {
      this.makeCurrent(item);
      item.focus();
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  keydown(event) {
    const item = event.target;
    if (!TreeKeys.isItem(item) || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const items = this.items();
    const at = items.indexOf(item);
    const expanded = item.getAttribute('aria-expanded');
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        this.move(items[at + 1]);
        break;
      case 'ArrowUp':
        this.move(items[at - 1]);
        break;
      case 'Home':
        this.move(items[0]);
        break;
      case 'End':
        this.move(items[items.length - 1]);
        break;
      case 'ArrowRight':
        if (expanded === 'false') {
          this.current = item.dataset.key;
          this.on.expand(item.dataset.key, true);
        } else if (expanded === 'true') {
          this.move(items[at + 1]);
        }
        break;
      case 'ArrowLeft':
        if (expanded === 'true') {
          this.current = item.dataset.key;
          this.on.expand(item.dataset.key, false);
        } else {
          this.move(TreeKeys.parentOf(item));
        }
        break;
      case 'Enter':
      case ' ':
        item.click();
        break;
      default:
        handled = event.key.length === 1 && event.key.trim() !== '' && this.typeAhead(event.key, items, at);
    }
    if (handled) {
      event.preventDefault();
    }
  }

  static parentOf(item) {
    const outer = item.closest('li') && item.closest('li').parentElement.closest('li');
    return outer ? outer.querySelector('[role="treeitem"]') : null;
  }

  /** Goes to the next row whose name starts with the letters typed in quick succession. */
  typeAhead(key, items, at) {
    const now = Date.now();
    this.typed = now - this.typedAt > TYPE_AHEAD_MS ? key.toLowerCase() : this.typed + key.toLowerCase();
    this.typedAt = now;
    const name = (item) => (item.querySelector('.node-label') || item).textContent.trim().toLowerCase();
    const start = this.typed.length === 1 ? at + 1 : at;
    const ordered = [...items.slice(start), ...items.slice(0, start)];
    const found = ordered.find((item) => name(item).startsWith(this.typed));
    this.move(found);
    return true;
  }
}

/** A small picture of a group's cover photo; its link is filled in once the photo's metadata is known. */
export function coverImage(id, images) {
  const img = document.createElement('img');
  img.className = 'tree-cover';
  img.alt = '';
  img.width = 24;
  img.height = 24;
  img.dataset.cover = String(id);
  const known = images.fresh(id);
  if (known) {
    img.src = ImageCache.thumbnail(known, 128);
  }
  img.addEventListener('error', () => {
    img.hidden = true;
    images.forget(id); // perhaps an expired link: fetched again next time
  });
  return img;
}

/** Fetches the metadata of the covers shown in the tree without a link yet, then shows them. */
export async function showCovers(tree, images) {
  const waiting = Array.from(tree.querySelectorAll('img.tree-cover:not([src])'));
  const ids = [...new Set(waiting.map((img) => Number(img.dataset.cover)))];
  if (ids.length === 0) {
    return;
  }
  try {
    await images.get(ids);
  } catch (error) {
    return; // the tree works without its pictures
  }
  for (const img of tree.querySelectorAll('img.tree-cover:not([src])')) {
    const image = images.fresh(Number(img.dataset.cover));
    if (image) {
      img.src = ImageCache.thumbnail(image, 128);
    }
  }
}
