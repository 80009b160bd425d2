// One of a photo's two categories in the detail view (object or background): its name, whether it is the
// user's choice or the app's (with how sure the app was), a chooser of the library's categories that moves the
// photo at once (PATCH /images/ID), and "Use the app's choice" to give the model's category back.

import { apiJson, percent } from './api.js';
import { fillChooser } from './categories.js';

export class LabelChoice {
  /**
   * @param {string} kind           'object' or 'background'
   * @param {Categories} categories the library's categories
   * @param {object} on             corrected(image): the server's answer after a change; failed(message)
   */
  constructor(kind, categories, on) {
    this.kind = kind;
    this.categories = categories;
    this.on = on;
    this.image = null;
    this.field = (suffix) => document.getElementById(`detail-${kind}${suffix}`);
    this.field('-choice').addEventListener('change', () => this.choose(this.field('-choice').value));
    this.field('-reset').addEventListener('click', () => this.choose(null));
  }

  /** Shows the image's category of this kind. */
  show(image) {
    this.image = image;
    const name = image[`${this.kind}_category`];
    const confidence = image[`${this.kind}_confidence`];
    const byUser = image[`${this.kind}_by_user`] === true;
    const tag = this.field('');
    tag.textContent = name;
    tag.classList.toggle('by-user', byUser);
    const meter = this.field('-meter');
    meter.value = Number.isFinite(confidence) ? confidence : 0;
    meter.title = `${percent(confidence)} confident`;
    meter.hidden = byUser;
    this.field('-confidence').textContent = byUser ? '' : percent(confidence);
    this.field('-who').textContent = byUser ? 'Your choice' : `The app's choice (${percent(confidence)} sure)`;
    this.field('-reset').hidden = !byUser;
    this.refresh();
  }

  /** Fills the chooser again (the library's categories changed). */
  refresh() {
    if (this.image) {
      const chooser = this.field('-choice');
      fillChooser(chooser, this.categories.of(this.kind).map((category) => category.name),
        this.image[`${this.kind}_category`]);
      chooser.disabled = false;
    }
  }

  /** Sets the category (null: the model's); the chooser shows the photo's category again when it fails. */
  async choose(name) {
    const image = this.image;
    const chooser = this.field('-choice');
    chooser.disabled = true;
    this.field('-reset').disabled = true;
    try {
      const { body } = await apiJson(`/images/${encodeURIComponent(image.id)}`, {
        method: 'PATCH', type: 'application/json', body: JSON.stringify({ [`${this.kind}_category`]: name }),
      });
      this.on.corrected(body);
      if (name === null) {
        chooser.focus(); // the button just used is gone
      }
    } catch (error) {
      if (error.name !== 'AbortError') {
        this.on.failed(error.detail || error.message);
      }
      if (this.image === image) {
        this.show(image);
      }
    } finally {
      chooser.disabled = false;
      this.field('-reset').disabled = false;
    }
  }
}
