// Finding photos by meaning: the filter box also searches by text (GET /search, as the user types),
// and "Similar" shows the photos like one (GET /images/ID/similar), its near-duplicates apart.
// Both are gallery views, ranked best first and paged through the answers' next_offset.

import { ApiError, apiJson, el } from './api.js';
import { PAGE, countText, thumbnailButton } from './gallery.js';

const DEBOUNCE_MS = 300;
const MAX_LIMIT = 500;

/** The pages of one ranked answer, fetched as far as asked and kept. */
class RankedPages {
  /** @param {function(number, number): string} path the request for a page (offset, limit) */
  constructor(path) {
    this.path = path;
    this.images = [];
    this.ids = new Set();
    this.next = 0;
    this.total = 0;
    this.first = null;
  }

  async upTo(count, signal) {
    while (this.images.length < count && this.next !== null) {
      const limit = Math.min(MAX_LIMIT, Math.max(PAGE, count - this.images.length));
      const { body } = await apiJson(this.path(this.next, limit), { signal });
      this.first = this.first || body;
      // the ranking may move between pages when the library changes: each photo once
      const fresh = body.images.filter((image) => !this.ids.has(image.id));
      fresh.forEach((image) => this.ids.add(image.id));
      this.images.push(...fresh);
      this.total = body.total;
      this.next = body.images.length === 0 ? null : body.next_offset;
    }
    return this.images.slice(0, count);
  }

  /** Whether there is more than the first `count` (the server's window of pages may end before its total). */
  more(count) {
    return this.images.length > count || this.next !== null;
  }
}

/** Runs a ranked view's request; while the server gets search ready (503 loading) the view says so and retries. */
async function ranked(pages, count, signal, images) {
  try {
    const found = await pages.upTo(count, signal);
    images.remember(found);
    return { found };
  } catch (error) {
    if (error instanceof ApiError && error.status === 503 && error.retryAfter !== null) {
      const waiting = 'Search is getting ready…';
      return { waiting: { images: [], total: 0, count: waiting, empty: waiting, retryIn: error.retryAfter } };
    }
    if (error instanceof ApiError && error.status === 503) {
      const unavailable = `Search is not available: ${error.detail}`;
      return { waiting: { images: [], total: 0, count: '', empty: unavailable } };
    }
    throw error;
  }
}

export class PhotoSearch {
  /**
   * @param {object} ui      filter (the box), entry (the sidebar's search row, a button) elements
   * @param {Gallery} gallery where the results are shown
   * @param {object} on      started(): a search is shown; cleared(): the box was emptied;
   *                         open(image, images): a near-duplicate was chosen
   */
  constructor(ui, gallery, on) {
    this.ui = ui;
    this.gallery = gallery;
    this.on = on;
    this.timer = null;
    this.text = '';
    ui.filter.addEventListener('input', () => this.typed());
    ui.filter.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.typed(0);
      }
    });
    ui.entry.addEventListener('click', () => this.search(this.text));
  }

  /** The box changed: search after a pause in the typing; an empty box returns to the library. */
  typed(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    const text = this.ui.filter.value.trim();
    this.text = text;
    this.updateEntry();
    if (text === '') {
      if (this.gallery.view && this.gallery.view.owner === this) {
        this.on.cleared();
      }
      return;
    }
    if (this.gallery.view && this.gallery.view.key === `search:${text}`) {
      return; // already shown
    }
    this.timer = setTimeout(() => this.search(text), delay);
  }

  search(text) {
    clearTimeout(this.timer);
    if (text === '') {
      return;
    }
    this.on.started();
    this.gallery.show(this.textView(text));
  }

  /** Shows the photos like this one. */
  similar(image) {
    this.on.started();
    return this.gallery.show(this.similarView(image));
  }

  /** The sidebar's row "Photos that look like “…”", current while the results are shown. */
  updateEntry() {
    const entry = this.ui.entry;
    entry.hidden = this.text === '';
    entry.querySelector('.node-label').textContent = `Photos that look like “${this.text}”`;
    entry.title = this.text;
    const current = this.gallery.view && this.gallery.view.key === `search:${this.text}`;
    if (current) entry.setAttribute('aria-current', 'true'); else entry.removeAttribute('aria-current');
  }

  textView(text) {
    const pages = new RankedPages((offset, limit) => `/search?${new URLSearchParams({
      q: text, limit: String(limit), offset: String(offset),
    })}`);
    return {
      owner: this, key: `search:${text}`, title: `Photos that look like “${text}”`,
      load: async (count, signal) => {
        const { found, waiting } = await ranked(pages, count, signal, this.gallery.images);
        if (waiting) {
          return waiting;
        }
        return {
          images: found, total: pages.total, more: pages.more(found.length),
          count: `${countText(found.length, pages.total, 'photo')}, best match first`,
          empty: this.noMatch(text, (pages.first && pages.first.suggestions) || []),
        };
      },
    };
  }

  /** "No photo matches": and the categories there are, each a search of its own. */
  noMatch(text, suggestions) {
    const nodes = [el('span', null, `No photo matches “${text}”.`)];
    if (suggestions.length > 0) {
      const list = el('span', 'suggestions');
      list.append(el('span', null, ' Try a category: '));
      suggestions.forEach((name, index) => {
        const button = el('button', 'link-button suggestion', name);
        button.type = 'button';
        button.addEventListener('click', () => {
          this.ui.filter.value = name;
          this.ui.filter.dispatchEvent(new Event('input')); // the tree is filtered too
          this.search(name);
        });
        list.append(button, document.createTextNode(index < suggestions.length - 1 ? ', ' : '.'));
      });
      nodes.push(list);
    }
    return nodes;
  }

  similarView(image) {
    const pages = new RankedPages((offset, limit) => `/images/${encodeURIComponent(image.id)}/similar?${
      new URLSearchParams({ limit: String(limit), offset: String(offset) })}`);
    return {
      owner: this, key: `similar:${image.id}`, title: `Photos like “${image.filename}”`,
      load: async (count, signal) => {
        const { found, waiting } = await ranked(pages, count, signal, this.gallery.images);
        if (waiting) {
          return waiting;
        }
        const duplicates = (pages.first && pages.first.duplicates) || [];
        this.gallery.images.remember(duplicates);
        return {
          images: found, total: pages.total, more: pages.more(found.length),
          count: `${countText(found.length, pages.total, 'photo')}, most alike first`,
          empty: 'No other photo to compare it with yet.',
          extra: duplicates.length > 0 ? [this.duplicateStrip(image, duplicates)] : [],
        };
      },
    };
  }

  /** The photo's near-duplicates, apart from the similar photos, each opening its detail. */
  duplicateStrip(image, duplicates) {
    const section = el('section', 'near-duplicates');
    const heading = el('h3', 'strip-title', `Near-duplicates of “${image.filename}” (${duplicates.length})`);
    heading.id = 'near-duplicates-title';
    section.setAttribute('aria-labelledby', heading.id);
    const list = el('ul', 'strip');
    for (const duplicate of duplicates) {
      const button = thumbnailButton(duplicate, this.gallery.images, 128);
      button.append(el('span', 'thumb-caption', duplicate.filename));
      button.addEventListener('click', () => this.on.open(duplicate, duplicates));
      const item = el('li', 'strip-item');
      item.append(button);
      list.append(item);
    }
    section.append(heading, el('p', 'muted', 'The same photo in another form; the Duplicates view can tidy them.'),
      list);
    return section;
  }
}
