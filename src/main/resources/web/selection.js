// Several photos of the gallery selected at once (Ctrl-click or a photo's tick box adds or takes one away,
// Shift-click a range, a plain click while some are selected adds or takes that one), with a bar that
// counts them and moves them to a category of either kind (POST /images/corrections).

import { apiJson, el } from './api.js';
import { KINDS } from './categories.js';

export class Selection {
  /**
   * @param {object} ui             bar, count, grid, chooser, move, clear, error elements
   * @param {Categories} categories the library's categories, offered by "Move to"
   * @param {object} on             moved(ids, kind, name): the photos were moved
   */
  constructor(ui, categories, on) {
    this.ui = ui;
    this.categories = categories;
    this.on = on;
    this.ids = new Set();
    this.anchor = null;
    this.order = [];
    ui.clear.addEventListener('click', () => this.clear());
    ui.move.addEventListener('click', () => this.move());
    ui.grid.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.ids.size > 0) {
        event.preventDefault();
        this.clear();
      }
    });
    this.render();
  }

  /** The ids of the photos shown, in their order (for Shift-click ranges). */
  shown(ids) {
    this.order = ids;
  }

  has(id) {
    return this.ids.has(id);
  }

  /**
   * A click on a photo: true when it changed the selection (Ctrl, Shift, or some are selected already),
   * false when the photo should open.
   */
  click(event, id) {
    if (event.shiftKey && this.anchor !== null && this.order.includes(this.anchor)) {
      const [from, to] = [this.order.indexOf(this.anchor), this.order.indexOf(id)].sort((a, b) => a - b);
      this.order.slice(from, to + 1).forEach((other) => this.ids.add(other));
    } else if (event.ctrlKey || event.metaKey || event.shiftKey || this.ids.size > 0) {
      this.toggle(id);
      return true;
    } else {
      return false;
    }
    this.render();
    return true;
  }

  /** Adds the photo, or takes it away when it is selected. */
  toggle(id) {
    if (this.ids.has(id)) {
      this.ids.delete(id);
    } else {
      this.ids.add(id);
    }
    this.anchor = id;
    this.render();
  }

  /** A photo left the library. */
  drop(id) {
    if (this.ids.delete(id)) {
      this.render();
    }
  }

  clear() {
    this.ids.clear();
    this.anchor = null;
    this.ui.error.textContent = '';
    this.render();
  }

  /** The bar and the grid's marks. */
  render() {
    const count = this.ids.size;
    this.ui.bar.hidden = count === 0;
    this.ui.count.textContent = count === 0 ? '' : `${count} photo${count === 1 ? '' : 's'} selected`;
    this.ui.grid.classList.toggle('selecting', count > 0);
    for (const item of this.ui.grid.querySelectorAll('.grid-item')) {
      const selected = this.ids.has(Number(item.dataset.imageId));
      item.classList.toggle('selected', selected);
      const box = item.querySelector('.pick');
      if (box) {
        box.checked = selected;
      }
    }
    this.fillChooser();
  }

  /** "Move to": the library's categories of both kinds, by kind. */
  fillChooser() {
    const chooser = this.ui.chooser;
    const offered = JSON.stringify(this.categories.all.map((category) => [category.kind, category.name]));
    if (offered === this.offered) {
      return; // unchanged: an open list stays open
    }
    this.offered = offered;
    const chosen = chooser.value;
    const prompt = el('option', null, 'Choose a category…');
    prompt.value = '';
    const groups = KINDS.map(({ kind, title }) => {
      const group = el('optgroup');
      group.label = title;
      for (const category of this.categories.of(kind)) {
        const option = el('option', null, category.name);
        option.value = JSON.stringify([kind, category.name]);
        group.append(option);
      }
      return group;
    });
    chooser.replaceChildren(prompt, ...groups);
    chooser.value = Array.from(chooser.options).some((option) => option.value === chosen) ? chosen : '';
  }

  async move() {
    const { chooser, error } = this.ui;
    if (!chooser.value) {
      error.textContent = 'Choose the category to move the photos to.';
      chooser.focus();
      return;
    }
    const [kind, name] = JSON.parse(chooser.value);
    const ids = Array.from(this.ids);
    const field = KINDS.find((k) => k.kind === kind).field;
    this.ui.move.disabled = true;
    error.textContent = '';
    try {
      await apiJson('/images/corrections', {
        method: 'POST', type: 'application/json', body: JSON.stringify({ ids, [field]: name }),
      });
    } catch (failure) {
      error.textContent = failure.detail || failure.message;
      return;
    } finally {
      this.ui.move.disabled = false;
    }
    this.clear();
    this.on.moved(ids, kind, name);
  }
}
