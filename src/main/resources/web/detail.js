// The detail view of one image: the picture, its categories (the user's or the app's, which the user can change),
// its facts, Similar and Delete. A modal <dialog>: Escape closes it, ← and → step through the images of the grid.

import { api, el, formatBytes } from './api.js';
import { LabelChoice } from './labelchoice.js';

export class DetailView {
  /**
   * @param {object} on  deleted(image): the image was deleted; similar(image): show the photos like it;
   *                     corrected(image): the user changed its categories (the server's new answer); error(message)
   * @param {Categories} categories the library's categories, offered by the choosers
   */
  constructor(on, categories) {
    this.on = on;
    this.dialog = document.getElementById('detail');
    this.images = [];
    this.index = 0;
    this.field = (id) => document.getElementById(id);
    const choice = { corrected: (image) => this.corrected(image), failed: (message) => this.failed(message) };
    this.choices = ['object', 'background'].map((kind) => new LabelChoice(kind, categories, choice));
    this.field('detail-close').addEventListener('click', () => this.dialog.close());
    this.field('detail-prev').addEventListener('click', () => this.step(-1));
    this.field('detail-next').addEventListener('click', () => this.step(1));
    this.field('detail-similar').addEventListener('click', () => {
      const image = this.image;
      this.returnFocus = null; // the similar photos take the focus
      this.dialog.close();
      this.on.similar(image);
    });
    this.field('detail-delete').addEventListener('click', () => this.askDelete());
    this.field('delete-no').addEventListener('click', () => this.cancelDelete());
    this.field('delete-yes').addEventListener('click', () => this.delete());
    this.dialog.addEventListener('close', () => {
      this.cancelDelete();
      this.field('detail-image').removeAttribute('src');
      if (this.returnFocus && document.contains(this.returnFocus)) {
        this.returnFocus.focus();
      }
    });
    this.dialog.addEventListener('click', (event) => {
      if (event.target === this.dialog) {
        this.dialog.close(); // a click on the backdrop
      }
    });
    this.dialog.addEventListener('keydown', (event) => {
      if (event.target.tagName === 'SELECT') {
        return; // the arrows choose a category there
      }
      if (event.key === 'ArrowLeft') {
        this.step(-1);
      } else if (event.key === 'ArrowRight') {
        this.step(1);
      }
    });
  }

  /** Opens the view on one image; `images` are its neighbours for ← and →. */
  open(image, images = [image]) {
    this.images = images.some((other) => other.id === image.id) ? images : [image];
    this.index = this.images.findIndex((other) => other.id === image.id);
    this.returnFocus = document.activeElement;
    this.show();
    if (!this.dialog.open) {
      this.dialog.showModal();
    }
    this.field('detail-close').focus();
  }

  step(delta) {
    const next = this.index + delta;
    if (next < 0 || next >= this.images.length) {
      return;
    }
    this.index = next;
    this.cancelDelete();
    this.show();
  }

  show() {
    const image = this.images[this.index];
    this.image = image;
    this.dialog.dataset.imageId = String(image.id);
    const picture = this.field('detail-image');
    picture.src = image.image_url;
    picture.alt = `${image.filename}: ${image.object_category}, ${image.background_category}`;
    this.field('detail-title').textContent = image.filename;
    this.choices.forEach((choice) => choice.show(image));
    this.fact('taken', takenText(image.taken_at, image.taken_at_source));
    this.fact('camera', cameraText(image));
    this.field('detail-dimensions').textContent = `${image.width} × ${image.height} pixels`;
    this.field('detail-size').textContent = formatBytes(image.size);
    this.field('detail-format').textContent = (image.format || '').toUpperCase();
    const added = image.uploaded_at ? new Date(image.uploaded_at) : null;
    this.field('detail-uploaded').textContent = added && !Number.isNaN(added.getTime())
      ? added.toLocaleString() : '–';
    this.field('detail-storage').textContent = image.storage === 'managed'
      ? 'Uploaded copy on the server' : 'Original file, indexed where it is';
    this.field('detail-open').href = image.image_url;
    this.field('detail-error').textContent = '';
    this.field('detail-prev').hidden = this.index <= 0;
    this.field('detail-next').hidden = this.index >= this.images.length - 1;
  }

  /** A fact the server may not give (older servers, photos without it): its row shows only when it is known. */
  fact(name, text) {
    const known = typeof text === 'string' && text !== '';
    this.field(`detail-${name}`).textContent = known ? text : '';
    this.field(`detail-${name}`).hidden = !known;
    this.field(`detail-${name}-term`).hidden = !known;
  }

  /** The library's categories changed: the choosers offer them. */
  categoriesChanged() {
    this.choices.forEach((choice) => choice.refresh());
  }

  /** The server's answer after the user changed a category of the image shown. */
  corrected(image) {
    const at = this.images.findIndex((other) => other.id === image.id);
    if (at >= 0) {
      this.images[at] = image;
    }
    if (this.image && this.image.id === image.id) {
      this.show();
    }
    this.on.corrected(image);
  }

  failed(message) {
    this.field('detail-error').textContent = message;
  }

  askDelete() {
    const question = this.field('delete-question');
    question.replaceChildren(el('strong', null, `Delete “${this.image.filename}”?`), document.createTextNode(' '
      + (this.image.storage === 'managed' ? 'Its uploaded copy is removed from the server.'
        : 'It leaves the library; the original file stays where it is.')));
    this.field('delete-confirm').hidden = false;
    this.field('detail-delete').hidden = true;
    this.field('delete-no').focus();
  }

  cancelDelete() {
    this.field('delete-confirm').hidden = true;
    this.field('detail-delete').hidden = false;
  }

  async delete() {
    const image = this.image;
    const yes = this.field('delete-yes');
    yes.disabled = true;
    try {
      await api(`/images/${encodeURIComponent(image.id)}`, { method: 'DELETE' });
    } catch (error) {
      if (error.status === 404) {
        this.dialog.close();
        this.on.deleted(image);
        return;
      }
      this.field('detail-error').textContent = `Could not delete: ${error.detail || error.message}`;
      return;
    } finally {
      yes.disabled = false;
    }
    this.dialog.close();
    this.on.deleted(image);
  }
}

const TAKEN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * When a photo was taken, as the clock showed where it was taken ("14 July 2023 at 15:32"): the ISO 8601 `taken_at`
 * the server gives, with or without its offset, shown in its own wall-clock time rather than moved to this browser's
 * time zone. A date that came from the file's time rather than the photo says so. null when absent or unreadable.
 */
export function takenText(value, from) {
  const parts = typeof value === 'string' ? value.trim().match(TAKEN) : null;
  if (!parts) {
    return null;
  }
  const [, year, month, day, hour, minute, second] = parts;
  const wall = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour || 0), Number(minute || 0),
    Number(second || 0)));
  if (Number.isNaN(wall.getTime()) || wall.getUTCDate() !== Number(day)) {
    return null;
  }
  const options = hour === undefined ? { timeZone: 'UTC', dateStyle: 'long' }
    : { timeZone: 'UTC', dateStyle: 'long', timeStyle: 'short' };
  const text = new Intl.DateTimeFormat(undefined, options).format(wall);
  const fromFile = from === 'file'; // taken_at_source: "photo" (its EXIF) or "file" (the file's time)
  return fromFile ? `${text} (the file's date; the photo has none)` : text;
}

/** The camera, when the server names it (`camera`); null otherwise. */
function cameraText(image) {
  return typeof image.camera === 'string' && image.camera.trim() ? image.camera.trim() : null;
}
