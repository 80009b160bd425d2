// The thumbnail grid and what it shows: a "view" (a tree node, a text search, the photos like one)
// hands it pages of images; the grid keeps one answer at a time, the newest (an older request is
// cancelled, and its answer dropped if it comes anyway).

import { ApiError, el } from './api.js';
import { ImageCache } from './images.js';

export const PAGE = 60;

/**
 * What the gallery can show. A view has
 *   key       the same key keeps the number of images shown when the view is shown again
 *   title     the heading; category: true when it names a category (capitalised)
 *   load(count, signal) → {images, total, more?, count?, empty?, extra?, retryIn?}: the first `count`
 *             images of `total`; `more` says whether there are more to show (by default, when
 *             fewer than `total` are shown); `count` replaces the "N images" line, `empty` (text or nodes) is
 *             shown when there is nothing, `extra` (nodes) above the grid, and `retryIn` (seconds)
 *             asks for the view to be loaded again then.
 */
export class Gallery {
  /**
   * @param {object} ui      title, count, extra, empty, grid, more elements
   * @param {ImageCache} images the metadata cache the thumbnails' images are kept fresh from
   * @param {object} on      open(image, images): a thumbnail was chosen; changed(view); error(message)
   * @param {Selection} selection the photos selected to be moved together
   */
  constructor(ui, images, on, selection) {
    this.ui = ui;
    this.images = images;
    this.on = on;
    this.selection = selection;
    this.view = null;
    this.shown = PAGE;
    this.cards = new Map();
    this.visible = [];
    this.generation = 0;
    this.request = null;
    this.retryTimer = null;
    ui.more.addEventListener('click', () => {
      this.shown += PAGE;
      this.reload();
    });
  }

  /** Shows the view (its first page, or as many as before when it is the view already shown). */
  show(view) {
    const changed = !this.view || this.view.key !== view.key;
    if (changed) {
      this.shown = PAGE;
      this.selection.clear();
    }
    this.view = view;
    if (changed) {
      this.on.changed(view);
    }
    return this.reload();
  }

  /** Loads the current view again. */
  async reload() {
    const view = this.view;
    if (!view) {
      return;
    }
    const generation = ++this.generation;
    clearTimeout(this.retryTimer);
    if (this.request) {
      this.request.abort(); // a newer answer is wanted: the older one must never replace it
    }
    const request = new AbortController();
    this.request = request;
    this.ui.title.textContent = view.title;
    this.ui.title.classList.toggle('category', view.category === true);
    let answer;
    try {
      answer = await view.load(this.shown, request.signal);
    } catch (error) {
      if (generation === this.generation && error.name !== 'AbortError'
          && !(error instanceof ApiError && error.status === 401)) {
        this.on.error(`Could not load the images: ${error.detail || error.message}`);
      }
      return;
    } finally {
      if (this.request === request) {
        this.request = null;
      }
    }
    if (generation !== this.generation) {
      return;
    }
    this.render(answer);
    if (Number.isFinite(answer.retryIn)) {
      this.retryTimer = setTimeout(() => {
        if (this.view === view) {
          this.reload();
        }
      }, Math.max(1, answer.retryIn) * 1000);
    }
  }

  render({ images, total, more, count, empty, extra }) {
    const cards = new Map();
    const items = images.map((image) => {
      const old = this.cards.get(image.id);
      const card = old && old.dataset.labels === labels(image) ? old : this.card(image);
      cards.set(image.id, card);
      return card;
    });
    this.cards = cards;
    this.ui.grid.replaceChildren(...items);
    this.selection.shown(images.map((image) => image.id));
    this.selection.render();
    this.ui.count.textContent = count !== undefined ? count : countText(images.length, total);
    this.ui.more.hidden = more === undefined ? images.length >= total : !more;
    this.ui.empty.hidden = images.length > 0;
    if (typeof empty === 'string' || empty === undefined) {
      this.ui.empty.textContent = empty || 'Nothing here.';
    } else {
      this.ui.empty.replaceChildren(...empty);
    }
    this.ui.extra.replaceChildren(...(extra || []));
    this.ui.extra.hidden = !extra || extra.length === 0;
    this.visible = images;
  }

  /** Forgets what is shown (the key was forgotten). */
  clear() {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.cards.clear();
    this.visible = [];
    this.selection.clear();
    this.ui.grid.replaceChildren();
    this.ui.extra.replaceChildren();
    this.ui.count.textContent = '';
    this.ui.more.hidden = true;
  }

  /** An image was removed: its thumbnail goes at once. */
  removed(id) {
    const card = this.cards.get(id);
    if (card) {
      card.remove();
      this.cards.delete(id);
    }
    this.visible = this.visible.filter((image) => image.id !== id);
    this.selection.drop(id);
  }

  /** A photo with a tick box to select it; a click opens it, or selects it (see Selection.click). */
  card(image) {
    const item = el('li', 'grid-item');
    item.dataset.imageId = String(image.id);
    item.dataset.labels = labels(image);
    const button = thumbnailButton(image, this.images);
    button.append(el('span', 'thumb-caption', image.filename), el('span', 'thumb-labels', labels(image)));
    button.addEventListener('click', (event) => {
      if (this.selection.click(event, image.id)) {
        return;
      }
      const fresh = this.visible.map((shown) => this.images.peek(shown.id) || shown);
      this.on.open(this.images.peek(image.id) || image, fresh);
    });
    const pick = el('input', 'pick');
    pick.type = 'checkbox';
    pick.setAttribute('aria-label', `Select ${image.filename}`);
    pick.checked = this.selection.has(image.id);
    pick.addEventListener('click', (event) => {
      if (event.shiftKey) {
        this.selection.click(event, image.id); // a range
      } else {
        this.selection.toggle(image.id);
      }
    });
    item.append(button, pick);
    return item;
  }
}

/** "dog · beach": a photo's categories as its card shows them. */
function labels(image) {
  return `${image.object_category} · ${image.background_category}`;
}

/** "12 images", or "60 of 200 images" */
export function countText(shown, total, noun = 'image') {
  const plural = (n) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  return shown >= total ? plural(total) : `${shown} of ${plural(total)}`;
}

/**
 * A thumbnail in a button (the caller adds captions and the click). Until the picture is there its square shimmers
 * softly; a picture that cannot be shown says so in words.
 */
export function thumbnailButton(image, cache, size = 256) {
  const button = el('button', 'thumb loading');
  button.type = 'button';
  button.dataset.imageId = String(image.id);
  const frame = el('span', 'thumb-frame');
  const img = document.createElement('img');
  img.loading = 'lazy';
  img.decoding = 'async';
  img.alt = '';
  img.width = size;
  img.height = size;
  img.addEventListener('load', () => button.classList.remove('loading'));
  img.addEventListener('error', () => {
    button.classList.remove('loading');
    button.classList.add('broken');
    if (cache) {
      cache.forget(image.id); // perhaps an expired link: fetch the metadata again next time
    }
  });
  img.src = ImageCache.thumbnail(image, size);
  img.srcset = `${ImageCache.thumbnail(image, size)} 1x, ${ImageCache.thumbnail(image, size * 2)} 2x`;
  frame.append(img, el('span', 'thumb-problem', 'No preview'));
  button.append(frame);
  return button;
}
