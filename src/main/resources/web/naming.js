// Renaming a cluster in place in the tree (its pencil button, or F2 on its row): a text box where its name was;
// Enter saves (PUT /clusters/KEY/name), an empty box gives the cluster its number back, Escape cancels.

import { api, el } from './api.js';

export class ClusterNaming {
  /**
   * @param {object} on  saved(node, name): the server took the name; closed(node): the box closed (focus the row);
   *                     error(message)
   */
  constructor(on) {
    this.on = on;
    this.editing = null; // {node, form, input}
  }

  /** The box for this tree node, when it is the one being renamed (kept across the tree's renders). */
  form(node) {
    return this.editing && this.editing.node.key === node.key ? this.editing.form : null;
  }

  /** Whether the box has the focus (the tree puts it back after a render). */
  focused() {
    return this.editing !== null && this.editing.form.contains(document.activeElement);
  }

  focus() {
    if (this.editing) {
      this.editing.input.focus();
    }
  }

  /** Opens the box on a cluster's node (one at a time). */
  start(node) {
    const form = el('form', 'rename-form');
    const input = el('input', 'rename-input');
    input.type = 'text';
    input.value = node.name || '';
    input.placeholder = node.suggested || node.number;
    input.maxLength = 200;
    input.autocomplete = 'off';
    input.setAttribute('aria-label', `Name of ${node.title} (empty: ${node.number})`);
    form.append(input);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.close();
      }
    });
    form.addEventListener('focusout', (event) => {
      if (event.relatedTarget && !form.contains(event.relatedTarget) && this.editing && this.editing.form === form) {
        this.editing = null; // the user went elsewhere: nothing is saved
        this.on.closed(node, false);
      }
    });
    this.editing = { node, form, input };
  }

  close() {
    const { node } = this.editing;
    this.editing = null;
    this.on.closed(node, true);
  }

  async save() {
    const { node, input } = this.editing;
    const name = input.value.trim() || null;
    input.readOnly = true;
    try {
      await api(`/clusters/${encodeURIComponent(node.clusterKey)}/name`, {
        method: 'PUT', type: 'application/json', body: JSON.stringify({ name }),
      });
    } catch (error) {
      input.readOnly = false;
      this.on.error(error.detail || error.message);
      return;
    }
    this.editing = null;
    this.on.saved(node, name);
  }
}
