// The Duplicates view: the stacks of GET /duplicates side by side, each with its keeper marked
// "Keep" and the others with why they were grouped; "Keep this, remove the others from the library"
// resolves a stack (POST /duplicates/resolve) after a confirmation that says what happens.

import { ApiError, api, apiJson, el, formatBytes } from './api.js';
import { thumbnailButton } from './gallery.js';

/** What removing this photo from the library does, said for the confirmation. */
function removalEffect(image) {
  switch (image.storage) {
    case 'managed':
      return 'an upload: the server deletes its own copy.';
    case 'cloudinary':
      return 'an upload kept in Cloudinary: its Cloudinary copy is deleted, or kept and tagged, as the server\'s '
        + 'cloudinary.on_delete setting says.';
    default:
      return 'indexed where it is: the file stays on disk, only its place in the library goes.';
  }
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export class DuplicatesView {
  /**
   * @param {object} ui      section, list, count, status, exactOnly (checkbox), reload (button) elements
   * @param {ImageCache} images the metadata cache (for the thumbnails)
   * @param {object} on      open(image, images); resolved(keptImage, removedIds); error(message)
   */
  constructor(ui, images, on) {
    this.ui = ui;
    this.images = images;
    this.on = on;
    this.generation = 0;
    this.retryTimer = null;
    ui.exactOnly.addEventListener('change', () => this.load());
    ui.reload.addEventListener('click', () => this.load());
  }

  /** Reads the stacks again and shows them. */
  async load(message = '') {
    const generation = ++this.generation;
    clearTimeout(this.retryTimer);
    this.ui.status.textContent = message;
    if (!message) {
      this.ui.count.textContent = 'Looking for duplicates…';
    }
    let answer;
    try {
      answer = (await apiJson(`/duplicates${this.ui.exactOnly.checked ? '?exact_only=true' : ''}`)).body;
    } catch (error) {
      if (generation !== this.generation || (error instanceof ApiError && error.status === 401)) {
        return;
      }
      if (error instanceof ApiError && error.status === 503 && error.retryAfter !== null) {
        this.ui.count.textContent = 'Finding duplicates is getting ready…';
        this.retryTimer = setTimeout(() => this.load(message), Math.max(1, error.retryAfter) * 1000);
        return;
      }
      this.ui.count.textContent = '';
      this.on.error(`Could not look for duplicates: ${error.detail || error.message}`);
      return;
    }
    if (generation !== this.generation) {
      return;
    }
    this.stacks = Array.isArray(answer.stacks) ? answer.stacks : [];
    this.ui.list.replaceChildren(...this.stacks.map((stack, index) => this.stack(stack, index)));
    this.count();
  }

  /** Stops the retries while the view is hidden. */
  hide() {
    this.generation++;
    clearTimeout(this.retryTimer);
  }

  /** Forgets what the server told (the key was forgotten). */
  clear() {
    this.hide();
    this.ui.list.replaceChildren();
    this.ui.count.textContent = '';
    this.ui.status.textContent = '';
  }

  count() {
    const stacks = this.ui.list.querySelectorAll('.stack');
    const removable = Array.from(stacks).filter((s) => s.dataset.others !== '0').length;
    const places = stacks.length - removable;
    if (stacks.length === 0) {
      this.ui.count.textContent = 'No duplicates: every photo is in the library once.';
      return;
    }
    const parts = [];
    if (removable > 0) parts.push(`${plural(removable, 'stack')} of duplicates`);
    if (places > 0) parts.push(`${plural(places, 'photo')} in several places`);
    this.ui.count.textContent = parts.join(' · ');
  }

  /** One stack: its members side by side, the keeper first. */
  stack(stack, index) {
    const members = [stack.keeper, ...(stack.others || [])];
    const state = { stack, members, keep: stack.keeper.id };
    const section = el('section', 'stack');
    section.dataset.token = stack.token;
    section.dataset.others = String(members.length - 1);
    const heading = el('h3', 'stack-title');
    heading.id = `stack-${index}-title`;
    section.setAttribute('aria-labelledby', heading.id);
    const list = el('ul', 'stack-members');
    if (members.length === 1) {
      const places = stack.keeper.places || [];
      heading.textContent = `“${stack.keeper.filename}”: in ${places.length} places`;
      list.append(this.member(state, stack.keeper, null));
      section.append(heading, list);
      return section;
    }
    heading.textContent = `${members.length} copies of “${stack.keeper.filename}”`;
    const confirm = el('div', 'stack-confirm');
    confirm.hidden = true;
    state.render = () => {
      list.replaceChildren(...members.map((image) => this.member(state, image, section)));
      confirm.hidden = true;
    };
    state.confirm = confirm;
    state.render();
    section.append(heading, list, confirm);
    return section;
  }

  /** One photo of a stack: thumbnail, "Keep" or why it was grouped, size, places, and its action. */
  member(state, image, section) {
    const kept = image.id === state.keep;
    const item = el('li', `member${kept ? ' kept' : ''}`);
    item.dataset.imageId = String(image.id);
    const thumb = thumbnailButton(image, this.images);
    thumb.setAttribute('aria-label', `Open ${image.filename}`);
    thumb.addEventListener('click', () => this.on.open(image, state.members));
    item.append(thumb);
    const head = el('p', 'member-head');
    if (kept && section) {
      head.append(el('span', 'keep-badge', 'Keep'));
    }
    const name = el('span', 'member-name', image.filename);
    name.id = `member-${state.stack.token}-${image.id}`;
    head.append(name);
    item.append(head);
    if (image.why) {
      item.append(el('p', 'member-why', image.why));
    }
    item.append(el('p', 'member-size', `${formatBytes(image.size)} · ${image.width} × ${image.height} pixels`));
    const places = image.places || [];
    if (places.length > 0) {
      const list = el('ul', 'member-places');
      list.setAttribute('aria-label', places.length === 1 ? 'Place' : `In ${places.length} places`);
      if (places.length > 1) {
        item.append(el('p', 'member-places-label', `In ${places.length} places:`));
      }
      places.forEach((place) => {
        const row = el('li', null, place);
        row.title = place;
        list.append(row);
      });
      item.append(list);
    }
    if (!section) {
      return item;
    }
    const action = el('button', kept ? 'button primary small keep-action' : 'button small keep-this',
      kept ? 'Keep this, remove the others from the library' : 'Keep this');
    action.type = 'button';
    action.setAttribute('aria-describedby', name.id);
    action.addEventListener('click', () => {
      if (kept) {
        this.ask(state);
      } else {
        state.keep = image.id;
        state.render();
        section.querySelector('.keep-action').focus();
      }
    });
    item.append(action);
    return item;
  }

  /** The confirmation: what removing each of the others does, exactly. */
  ask(state) {
    const keeper = state.members.find((image) => image.id === state.keep);
    const others = state.members.filter((image) => image.id !== state.keep);
    const box = state.confirm;
    const list = el('ul', 'confirm-list');
    others.forEach((image) => list.append(el('li', null, `“${image.filename}” is ${removalEffect(image)}`)));
    const yes = el('button', 'button danger small confirm-yes',
      `Remove ${plural(others.length, 'photo')} from the library`);
    yes.type = 'button';
    const no = el('button', 'button small confirm-no', 'Cancel');
    no.type = 'button';
    const error = el('p', 'form-error');
    error.setAttribute('role', 'alert');
    const buttons = el('div', 'detail-actions');
    buttons.append(yes, no);
    box.replaceChildren(
      el('p', null,
        `Keep “${keeper.filename}” and remove ${plural(others.length, 'other photo')} from the library:`),
      list, el('p', 'muted', 'A photo indexed where it is is never deleted. Removing cannot be undone here; '
        + 'an indexed file can be added again.'), buttons, error);
    box.hidden = false;
    no.addEventListener('click', () => {
      box.hidden = true;
      box.closest('.stack').querySelector('.keep-action').focus();
    });
    yes.addEventListener('click', () => this.resolve(state, keeper, others, yes, error));
    no.focus();
  }

  async resolve(state, keeper, others, yes, error) {
    yes.disabled = true;
    let answer;
    try {
      const response = await api('/duplicates/resolve', {
        method: 'POST', type: 'application/json',
        body: JSON.stringify({ token: state.stack.token, keep: keeper.id, remove: others.map((image) => image.id) }),
      });
      answer = await response.json();
    } catch (failure) {
      yes.disabled = false;
      if (failure instanceof ApiError && failure.status === 409) {
        this.load(`That stack changed since it was shown, so nothing was removed; the stacks are read again. ${
          failure.detail}`);
        return;
      }
      error.textContent = `Could not remove them: ${failure.detail || failure.message}`;
      return;
    }
    const removed = (answer.removed || []).map((entry) => entry.id);
    const section = state.confirm.closest('.stack');
    const next = section.nextElementSibling || section.previousElementSibling;
    section.remove();
    this.count();
    this.ui.status.textContent = `Kept “${keeper.filename}”; removed ${plural(removed.length, 'photo')}`
      + ' from the library.';
    (next ? next.querySelector('button') : this.ui.section).focus();
    this.on.resolved(keeper, removed);
  }
}
