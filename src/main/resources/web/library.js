// The category tree (object → background → cluster, from /clusters/grouped) and the thumbnail
// grid of the selected node. Image metadata is cached for a while (its links are signed for 30 min).

import { ApiError, apiJson, el } from './api.js';
import { ImageCache } from './images.js';

const STALE_POLL_MS = 2000;
const RETRY_MS = 5000;
const PAGE = 60;
const ALL = { level: 'all', key: 'all', title: 'All images' };

function nodeKey(...parts) {
  return JSON.stringify(parts);
}

/**
 * A background group's clusters, numbered from 1 in the server's order; noise is "Unclustered", and
 * the images the clustering has not reached yet (the pending entry) are "Sorting…".
 */
function clusterNodes(object, sub) {
  let number = 0;
  return sub.clusters.map((cluster) => {
    const noise = cluster.noise === true;
    const pending = cluster.pending === true;
    let label = `Cluster ${number + 1}`;
    if (pending) {
      label = 'Sorting…';
    } else if (noise) {
      label = 'Unclustered';
    } else {
      number++;
    }
    return {
      level: 'cluster', object, background: sub.background_category, cluster: pending ? 'pending' : cluster.cluster_id,
      noise, pending, key: nodeKey('c', object, sub.background_category, pending ? 'pending' : cluster.cluster_id), label,
      title: `${object} › ${sub.background_category} › ${label}`,
      count: cluster.image_ids.length, ids: cluster.image_ids, children: [],
    };
  });
}

export class Library {
  /**
   * @param {object} ui  tree, filter, treeStatus, summary, title, count, empty, grid, more elements
   * @param {object} on  open(image, images): a thumbnail was chosen; error(message)
   */
  constructor(ui, on) {
    this.ui = ui;
    this.on = on;
    this.images = new ImageCache();
    this.groups = [];
    this.loaded = false;
    this.expanded = new Set();
    this.seen = new Set();
    this.selected = ALL;
    this.shown = PAGE;
    this.cards = new Map();
    this.generation = 0;
    this.pollTimer = null;
    this.loading = null;
    this.again = false;
    this.refreshTimer = null;
    ui.filter.addEventListener('input', () => this.renderTree());
    ui.more.addEventListener('click', () => {
      this.shown += PAGE;
      this.showGrid();
    });
  }

  /** Reloads the tree soon (several calls in a row make one request). */
  refreshSoon(delay = 400) {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), delay);
  }

  /** Reloads the tree, then the grid; polls while the server says the clusters are being recomputed. */
  async refresh() {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = null;
      if (this.again) {
        this.again = false;
        this.refresh();
      }
    });
    return this.loading;
  }

  async load() {
    clearTimeout(this.pollTimer);
    let answer;
    try {
      // the tree lags behind while the clusters are recomputed; the list's total does not
      const [grouped, count] = await Promise.all([apiJson('/clusters/grouped'), apiJson('/images?limit=1')]);
      answer = grouped;
      this.count = count.body.total;
    } catch (error) {
      this.ui.treeStatus.textContent = error.status === 401 ? 'Locked' : 'Offline';
      if (error.status !== 401) {
        if (!this.failing) {
          this.on.error(`Could not load the categories: ${error.detail}`);
        }
        this.failing = true;
        this.pollTimer = setTimeout(() => this.refresh(), RETRY_MS);
      }
      return;
    }
    this.failing = false;
    const stale = answer.response.headers.get('X-Clusters-Stale') === 'true';
    this.groups = Array.isArray(answer.body) ? answer.body : [];
    for (const group of this.groups) {
      const key = nodeKey('o', group.object_category);
      if (!this.seen.has(key) && this.groups.length <= 6) {
        this.expanded.add(key); // a small library opens up; a large one stays folded
      }
      this.seen.add(key);
    }
    this.loaded = true;
    this.ui.treeStatus.textContent = stale ? 'Sorting…' : '';
    this.ui.treeStatus.title = stale ? 'New or removed images are being sorted into clusters' : '';
    this.ui.tree.dataset.stale = String(stale);
    if (stale) {
      this.pollTimer = setTimeout(() => this.refresh(), STALE_POLL_MS);
    }
    this.reselect();
    this.renderTree();
    this.renderSummary();
    await this.showGrid();
  }

  /** Forgets everything the server told (the key was forgotten). */
  clear() {
    clearTimeout(this.pollTimer);
    this.images.clear();
    this.groups = [];
    this.count = undefined;
    this.loaded = false;
    this.generation++;
    this.cards.clear();
    this.ui.grid.replaceChildren();
    this.ui.count.textContent = '';
    this.ui.more.hidden = true;
    this.renderTree();
    this.ui.summary.textContent = '';
  }

  /** An image was deleted: drop it at once, then reload. */
  removed(id) {
    this.images.markGone(id);
    const card = this.cards.get(id);
    if (card) {
      card.remove();
      this.cards.delete(id);
    }
    this.refresh();
  }

  renderSummary() {
    const total = this.total();
    const objects = this.groups.length;
    const categories = objects === 0 ? '' : ` · ${objects} object categor${objects === 1 ? 'y' : 'ies'}`;
    this.ui.summary.textContent = total === 0 ? 'No images yet' : `${total} image${total === 1 ? '' : 's'}${categories}`;
  }

  /** The nodes of the tree, each with its level, labels, key and image ids. */
  nodes() {
    return this.groups.map((group) => ({
      level: 'object', object: group.object_category, key: nodeKey('o', group.object_category),
      title: group.object_category, count: group.total_images,
      ids: group.subgroups.flatMap((sub) => sub.image_ids),
      children: group.subgroups.map((sub) => ({
        level: 'background', object: group.object_category, background: sub.background_category,
        key: nodeKey('b', group.object_category, sub.background_category),
        title: `${group.object_category} › ${sub.background_category}`, count: sub.image_ids.length,
        ids: sub.image_ids,
        children: clusterNodes(group.object_category, sub),
      })),
    }));
  }

  /** After a reload, the selected node gets its new ids (or All images when it is gone). */
  reselect() {
    if (this.selected.level === 'all') {
      return;
    }
    const find = (nodes) => {
      for (const node of nodes) {
        if (node.key === this.selected.key) return node;
        const inner = find(node.children);
        if (inner) return inner;
      }
      return null;
    };
    this.selected = find(this.nodes()) || ALL;
  }

  select(node) {
    if (node.key !== this.selected.key) {
      this.shown = PAGE;
    }
    this.selected = node;
    this.renderTree();
    this.showGrid();
  }

  renderTree() {
    const query = this.ui.filter.value.trim().toLowerCase();
    const focused = document.activeElement && this.ui.tree.contains(document.activeElement)
      ? document.activeElement.dataset.key : null;
    const root = el('ul', 'tree-list');
    root.append(this.treeItem({ ...ALL, label: 'All images', count: this.total(), children: [] }, false));
    let matches = 0;
    for (const object of this.nodes()) {
      const objectMatches = !query || object.object.toLowerCase().includes(query);
      const backgrounds = objectMatches ? object.children
        : object.children.filter((b) => b.background.toLowerCase().includes(query));
      if (!objectMatches && backgrounds.length === 0) {
        continue;
      }
      matches++;
      root.append(this.treeItem({ ...object, label: object.object, children: backgrounds }, query !== ''
        && !objectMatches));
    }
    const nodes = [root];
    if (this.loaded && matches === 0) {
      let text = 'No images yet. Drop some photos to start.';
      if (query) {
        text = `No object or background matches “${this.ui.filter.value.trim()}”.`;
      } else if (this.total() > 0) {
        text = 'The images are being sorted into categories…';
      }
      nodes.push(el('p', 'tree-empty', text));
    }
    this.ui.tree.replaceChildren(...nodes);
    if (focused) {
      const again = Array.from(this.ui.tree.querySelectorAll('button')).find((b) => b.dataset.key === focused);
      if (again) again.focus();
    }
  }

  total() {
    return Number.isFinite(this.count) ? this.count : this.groups.reduce((sum, group) => sum + group.total_images, 0);
  }

  treeItem(node, forceOpen) {
    const item = el('li', `tree-item level-${node.level}`);
    const row = el('div', 'tree-row');
    const open = forceOpen || this.expanded.has(node.key);
    const children = node.children.map((child) => ({
      ...child, label: child.label || (child.level === 'background' ? child.background : child.title),
    }));
    if (children.length > 0) {
      const toggle = el('button', 'tree-toggle');
      toggle.type = 'button';
      toggle.dataset.key = `toggle:${node.key}`;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.setAttribute('aria-label', `${open ? 'Collapse' : 'Expand'} ${node.label}`);
      toggle.addEventListener('click', () => {
        if (this.expanded.has(node.key)) this.expanded.delete(node.key); else this.expanded.add(node.key);
        this.renderTree();
      });
      row.append(toggle);
    } else {
      row.append(el('span', 'tree-spacer'));
    }
    const button = el('button', `node${node.noise ? ' noise' : ''}${node.pending ? ' pending' : ''}`);
    button.type = 'button';
    button.dataset.key = node.key;
    button.dataset.level = node.level;
    button.dataset.count = String(node.count);
    if (node.object !== undefined) button.dataset.object = node.object;
    if (node.background !== undefined) button.dataset.background = node.background;
    if (node.cluster !== undefined) button.dataset.cluster = String(node.cluster);
    if (node.key === this.selected.key) button.setAttribute('aria-current', 'true');
    if (node.pending) button.title = 'New images, sorted into clusters in a moment';
    button.append(el('span', 'node-label', node.label), el('span', 'count', node.count));
    button.addEventListener('click', () => this.select(node));
    row.append(button);
    item.append(row);
    if (children.length > 0 && open) {
      const list = el('ul', 'tree-list');
      children.forEach((child) => list.append(this.treeItem(child, false)));
      item.append(list);
    }
    return item;
  }

  /** Shows the selected node's images: the first `shown` of them. */
  async showGrid() {
    const generation = ++this.generation;
    const node = this.selected;
    this.ui.title.textContent = node.title;
    this.ui.title.classList.toggle('category', node.level !== 'all');
    let images;
    let total;
    try {
      if (node.level === 'all') {
        const page = await apiJson(`/images?limit=${Math.min(this.shown, 500)}&offset=0`);
        images = page.body.images;
        total = page.body.total;
        this.images.remember(images);
      } else {
        const ids = node.ids.slice(0, this.shown);
        images = await this.images.get(ids, node.object, node.background);
        total = node.ids.length - ids.filter((id) => this.images.isGone(id)).length;
      }
    } catch (error) {
      if (generation === this.generation && !(error instanceof ApiError && error.status === 401)) {
        this.on.error(`Could not load the images: ${error.detail || error.message}`);
      }
      return;
    }
    if (generation !== this.generation) {
      return;
    }
    this.renderGrid(images, total);
  }

  renderGrid(images, total) {
    const cards = new Map();
    const items = images.map((image) => {
      const card = this.cards.get(image.id) || this.card(image);
      cards.set(image.id, card);
      return card;
    });
    this.cards = cards;
    this.ui.grid.replaceChildren(...items);
    this.ui.count.textContent = total === images.length ? `${total} image${total === 1 ? '' : 's'}`
      : `${images.length} of ${total} images`;
    this.ui.more.hidden = images.length >= total;
    this.ui.empty.hidden = total > 0;
    this.ui.empty.textContent = this.selected.level === 'all'
      ? 'Nothing here yet. Drop photos above, or choose them with the button.'
      : 'These images were removed.';
    this.visible = images;
  }

  card(image) {
    const item = el('li', 'grid-item');
    const button = el('button', 'thumb');
    button.type = 'button';
    button.dataset.imageId = String(image.id);
    const img = document.createElement('img');
    img.loading = 'lazy';
    img.decoding = 'async';
    img.alt = '';
    img.width = 256;
    img.height = 256;
    img.src = ImageCache.thumbnail(image, 256);
    img.srcset = `${ImageCache.thumbnail(image, 256)} 1x, ${ImageCache.thumbnail(image, 512)} 2x`;
    img.addEventListener('error', () => {
      button.classList.add('broken');
      this.images.forget(image.id); // perhaps an expired link: fetch the metadata again next time
    });
    const caption = el('span', 'thumb-caption', image.filename);
    const labels = el('span', 'thumb-labels', `${image.object_category} · ${image.background_category}`);
    button.append(img, caption, labels);
    button.addEventListener('click', () => {
      const current = this.visible || [];
      const fresh = current.map((shown) => this.images.peek(shown.id) || shown);
      this.on.open(this.images.peek(image.id) || image, fresh);
    });
    item.append(button);
    return item;
  }
}
