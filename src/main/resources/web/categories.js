// The library's own categories (GET /categories), shared by the detail view's choosers, "Move to…" and the
// categories page: adding, renaming, describing and removing them; while the server sorts the photos again
// after a change it is asked every second until it has finished.

import { api, apiJson } from './api.js';

const RESORT_POLL_MS = 1000;
const RETRY_MS = 5000;

/** The two kinds, in the words the page uses ("What it shows" and "Where", as in the window and the README). */
export const KINDS = [
  { kind: 'object', field: 'object_category', title: 'What it shows', hint: 'the subject of a photo: a dog, a car, food' },
  { kind: 'background', field: 'background_category', title: 'Where', hint: 'the setting around it: a beach, a kitchen, a street' },
];

export class Categories {
  /**
   * @param {object} on  changed(): the list or the sorting state changed; resorted(): the server finished
   *                     sorting the photos again
   */
  constructor(on) {
    this.on = on;
    this.all = [];
    this.loaded = false;
    this.resorting = false;
    this.pollTimer = null;
    this.loading = null;
  }

  /** The categories of one kind, in the server's order. */
  of(kind) {
    return this.all.filter((category) => category.kind === kind);
  }

  /** Reads the list again (several calls at once make one request). */
  load() {
    if (!this.loading) {
      this.loading = this.read().finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  async read() {
    clearTimeout(this.pollTimer);
    let body;
    try {
      ({ body } = await apiJson('/categories'));
    } catch (error) {
      if (error.status !== 401) {
        this.pollTimer = setTimeout(() => this.load(), RETRY_MS);
      }
      throw error;
    }
    const wasResorting = this.resorting;
    this.all = Array.isArray(body.categories) ? body.categories : [];
    this.resorting = body.resorting === true;
    this.loaded = true;
    if (this.resorting) {
      this.pollTimer = setTimeout(() => this.load().catch(() => {}), RESORT_POLL_MS);
    }
    this.on.changed();
    if (wasResorting && !this.resorting) {
      this.on.resorted();
    }
  }

  /** Adds a category; `words` (optional) say what it looks like. Resolves with the new category. */
  async add(kind, name, words) {
    const body = { kind, name };
    if (words) {
      body.words = words;
    }
    return this.send('/categories', 'POST', body, true);
  }

  /** Changes a category's name and/or words (`changes` holds only what changed; words null: its name). */
  async edit(id, changes) {
    return this.send(`/categories/${encodeURIComponent(id)}`, 'PATCH', changes, 'words' in changes);
  }

  /** Removes a category; its photos go to their next-best category (a 409 when it is one of the last two). */
  async remove(id) {
    await api(`/categories/${encodeURIComponent(id)}`, { method: 'DELETE' });
    await this.reloadAfterChange(true);
  }

  async send(path, method, body, resorts) {
    const response = await api(path, { method, body: JSON.stringify(body), type: 'application/json' });
    const answer = await response.json();
    await this.reloadAfterChange(resorts);
    return answer;
  }

  /**
   * Reads the list after a change (a failure here is not the change's). The server has been asked to sort again
   * after a change that may move photos: that counts as sorting until the server says it is not, so that the end
   * is noticed even when it came before the answer.
   */
  async reloadAfterChange(resorts) {
    if (resorts) {
      this.resorting = true;
      this.on.changed();
    }
    try {
      await this.load();
    } catch {
      // shown by the next successful read
    }
  }

  /** Forgets the list (the key was forgotten). */
  clear() {
    clearTimeout(this.pollTimer);
    this.all = [];
    this.loaded = false;
    this.resorting = false;
    this.on.changed();
  }
}

/**
 * Fills a <select> with the categories of one kind (names as the server spells them), keeping `current`
 * among the options even when it is not one of them (the unsure "other", say), and selects it.
 */
export function fillChooser(select, names, current) {
  const options = names.includes(current) || current === undefined || current === null ? names : [current, ...names];
  const same = select.options.length === options.length
    && Array.from(select.options).every((option, i) => option.value === options[i]);
  if (!same) {
    select.replaceChildren(...options.map((name) => {
      const option = document.createElement('option');
      option.value = name;
      option.textContent = name;
      return option;
    }));
  }
  if (current !== undefined && current !== null) {
    select.value = current;
  }
}
