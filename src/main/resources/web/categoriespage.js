// The "Your categories" page: the library's two lists ("What it shows" and "Where"), each with an add form (a name, and optionally what it looks like), and per category Edit (its name and
// what it looks like) and Remove (after a question; the server refuses to leave fewer than two). While the
// server sorts the photos again it says so.

import { el } from './api.js';
import { KINDS } from './categories.js';

export class CategoriesPage {
  /**
   * @param {object} ui             lists, status elements
   * @param {Categories} categories the library's categories
   */
  constructor(ui, categories) {
    this.ui = ui;
    this.categories = categories;
    this.editing = null; // {id, form}: the category being edited and its form (kept across renders)
    this.removing = null; // the id of the category whose removal is being asked
    this.shown = null;
    this.message = ''; // what the last change did
    this.sorted = false; // whether the photos were sorted again since
    this.kinds = new Map(KINDS.map((kind) => [kind.kind, this.kindSection(kind)]));
    ui.lists.replaceChildren(...Array.from(this.kinds.values(), (parts) => parts.section));
  }

  /** The parts of one kind's section: its list, add form and error line. */
  kindSection({ kind, title, hint }) {
    const section = el('section', 'category-kind');
    section.dataset.kind = kind;
    const heading = el('h3', 'kind-title', title);
    heading.id = `categories-${kind}-title`;
    section.setAttribute('aria-labelledby', heading.id);
    const list = el('ul', 'category-list');
    const error = el('p', 'form-error');
    error.setAttribute('role', 'alert');
    const form = el('form', 'category-add');
    form.noValidate = true;
    const name = this.input(form, `add-${kind}-name`, 'Name', `e.g. ${kind === 'object' ? 'my bike' : 'grandma’s garden'}`);
    const words = this.input(form, `add-${kind}-words`, 'What it looks like (optional)',
      kind === 'object' ? 'e.g. a red road bike' : 'e.g. a garden with roses and a wooden bench');
    const add = el('button', 'button primary small', 'Add');
    add.type = 'submit';
    add.setAttribute('aria-label', `Add to “${title}”`);
    form.append(add);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add(kind, name, words, error);
    });
    section.append(heading, el('p', 'field-hint', `${hint.charAt(0).toUpperCase()}${hint.slice(1)}.`), form, error, list);
    return { section, list, error, heading };
  }

  input(form, id, label, placeholder) {
    const field = el('label', 'field-label', label);
    field.htmlFor = id;
    const input = el('input', 'text-input');
    input.id = id;
    input.autocomplete = 'off';
    input.placeholder = placeholder;
    form.append(field, input);
    return input;
  }

  /** Shows the lists (again only when they changed) and whether the photos are being sorted. */
  render() {
    const { categories } = this;
    let status = this.message;
    if (categories.resorting) {
      status = `${status} Sorting your photos again…`;
    } else if (this.sorted) {
      status = `${status} Your photos are sorted with these categories.`;
    }
    this.ui.status.textContent = status.trim();
    const state = JSON.stringify([categories.all, this.editing && this.editing.id, this.removing]);
    if (state === this.shown) {
      return;
    }
    this.shown = state;
    for (const [kind, parts] of this.kinds) {
      parts.list.replaceChildren(...categories.of(kind).map((category) => this.item(category, parts)));
    }
  }

  /** The photos were sorted again after a change. */
  resorted() {
    this.sorted = true;
    this.render();
  }

  item(category, parts) {
    const item = el('li', 'category-item');
    item.dataset.categoryId = String(category.id);
    if (this.editing && this.editing.id === category.id) {
      item.append(this.editing.form);
      return item;
    }
    const text = el('div', 'category-text');
    text.append(el('span', 'category-name', category.name), el('span', 'category-words',
      category.words ? `Looks like: ${category.words}` : 'Looks like its name'));
    item.append(text);
    if (this.removing === category.id) {
      item.append(this.removeQuestion(category, parts));
      return item;
    }
    const actions = el('div', 'category-actions');
    const edit = this.action('Edit', `Edit ${category.name}`, () => this.edit(category, parts));
    edit.classList.add('edit');
    const remove = this.action('Remove', `Remove ${category.name}`, () => {
      parts.error.textContent = '';
      this.removing = category.id;
      this.render();
      this.focus(category.id, '.confirm-no');
    });
    remove.classList.add('remove');
    actions.append(edit, remove);
    item.append(actions);
    return item;
  }

  action(text, label, act) {
    const button = el('button', 'button subtle small', text);
    button.type = 'button';
    button.setAttribute('aria-label', label);
    button.addEventListener('click', act);
    return button;
  }

  removeQuestion(category, parts) {
    const box = el('div', 'category-confirm');
    box.append(el('p', null, `Remove “${category.name}”? Its photos move to their next best category.`));
    const yes = this.action('Remove', `Remove ${category.name} now`, async () => {
      yes.disabled = true;
      try {
        await this.categories.remove(category.id);
        this.removing = null;
        this.changed(`Removed “${category.name}”.`, true);
        parts.heading.tabIndex = -1;
        parts.heading.focus();
      } catch (error) {
        this.removing = null;
        parts.error.textContent = error.detail || error.message;
        this.render();
        this.focus(category.id, '.remove');
      }
    });
    yes.className = 'button danger small confirm-yes';
    const no = this.action('Keep it', `Keep ${category.name}`, () => {
      this.removing = null;
      this.render();
      this.focus(category.id, '.remove');
    });
    no.classList.add('confirm-no');
    box.append(yes, no);
    return box;
  }

  /** Opens the category's edit form: its name and what it looks like; Escape or Cancel closes it. */
  edit(category, parts) {
    parts.error.textContent = '';
    const form = el('form', 'category-edit');
    form.noValidate = true;
    const name = this.input(form, `edit-${category.id}-name`, 'Name', '');
    name.value = category.name;
    const words = this.input(form, `edit-${category.id}-words`, 'What it looks like', 'leave empty to use the name');
    words.value = category.words || '';
    const save = el('button', 'button primary small', 'Save');
    save.type = 'submit';
    const cancel = this.action('Cancel', 'Cancel', () => this.closeEdit(category.id));
    form.append(save, cancel);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.closeEdit(category.id);
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const changes = {};
      if (name.value.trim() !== category.name) {
        changes.name = name.value.trim();
      }
      if (words.value.trim() !== (category.words || '')) {
        changes.words = words.value.trim() || null;
      }
      if (Object.keys(changes).length === 0) {
        this.closeEdit(category.id);
        return;
      }
      save.disabled = true;
      try {
        await this.categories.edit(category.id, changes);
        this.closeEdit(category.id, `Saved “${changes.name || category.name}”.`, 'words' in changes);
      } catch (error) {
        parts.error.textContent = error.detail || error.message;
      } finally {
        save.disabled = false;
      }
    });
    this.editing = { id: category.id, form };
    this.render();
    name.focus();
    name.select();
  }

  closeEdit(id, message, resorts) {
    this.editing = null;
    if (message) {
      this.changed(message, resorts);
    } else {
      this.render();
    }
    this.focus(id, '.edit');
  }

  async add(kind, name, words, error) {
    error.textContent = '';
    if (!name.value.trim()) {
      error.textContent = 'Give the category a name.';
      name.focus();
      return;
    }
    try {
      const added = await this.categories.add(kind, name.value.trim(), words.value.trim());
      name.value = '';
      words.value = '';
      this.changed(`Added “${added.name}”.`, true);
      name.focus();
    } catch (failure) {
      error.textContent = failure.detail || failure.message;
    }
  }

  /** After a change: the status says what it did, and whether the photos it may move are sorted again yet. */
  changed(message, resorts) {
    this.message = message;
    this.sorted = resorts && !this.categories.resorting;
    this.render();
  }

  focus(id, selector) {
    const item = this.ui.lists.querySelector(`.category-item[data-category-id="${id}"]`);
    const target = item && item.querySelector(selector);
    if (target) {
      target.focus();
    }
  }
}
