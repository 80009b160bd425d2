// The category tree (object → background → cluster, from /clusters/grouped); the gallery shows the
// selected node's images. Image metadata is cached for a while (its links are signed for 30 min).

import { apiJson, el } from './api.js';
import { ClusterNaming } from './naming.js';
import { TreeKeys, coverImage, showCovers } from './tree.js';

const STALE_POLL_MS = 2000;
const RETRY_MS = 5000;
const ALL = { level: 'all', key: 'all', title: 'All images' };

function nodeKey(...parts) {
  return JSON.stringify(parts);
}

/**
 * A background group's clusters: the user's name, else a suggested name (marked as one), else the cluster's stable
 * number from 1 (as the window shows it); the photos no cluster took are "Ungrouped", and the images the
 * clustering has not reached yet (the pending entry) are "Sorting…". A cluster with a key can be renamed.
 */
/** A group's cover photo's id (the photo nearest the centre of it, or of its largest cluster), or undefined. */
function cover(group) {
  return Number.isInteger(group.cover_image_id) ? group.cover_image_id : undefined;
}

function clusterNodes(object, sub) {
  return sub.clusters.map((cluster) => {
    const noise = cluster.noise === true;
    const pending = cluster.pending === true;
    const number = `Cluster ${cluster.cluster_id + 1}`;
    const suggested = !cluster.name && typeof cluster.suggested_name === 'string' && cluster.suggested_name
      ? cluster.suggested_name : null;
    let label = cluster.name || suggested || number;
    if (pending) {
      label = 'Sorting…';
    } else if (noise) {
      label = 'Ungrouped';
    }
    const named = !noise && !pending && typeof cluster.cluster_key === 'string';
    return {
      level: 'cluster', object, background: sub.background_category, cluster: pending ? 'pending' : cluster.cluster_id,
      noise, pending, key: nodeKey('c', object, sub.background_category, pending ? 'pending' : cluster.cluster_id), label,
      title: `${object} › ${sub.background_category} › ${label}`,
      count: cluster.image_ids.length, ids: cluster.image_ids, children: [],
      clusterKey: named ? cluster.cluster_key : undefined, name: cluster.name || null, suggested, number,
      cover: cover(cluster),
    };
  });
}

export class Library {
  /**
   * @param {object} ui      tree, filter, treeStatus, summary elements
   * @param {Gallery} gallery where the selected node's images are shown
   * @param {object} on      selected(): a node was chosen; error(message)
   */
  constructor(ui, gallery, on) {
    this.ui = ui;
    this.gallery = gallery;
    this.images = gallery.images;
    this.on = on;
    this.groups = [];
    this.groupIds = 0;
    this.loaded = false;
    this.expanded = new Set();
    this.seen = new Set();
    this.selected = ALL;
    this.pollTimer = null;
    this.loading = null;
    this.again = false;
    this.refreshTimer = null;
    this.naming = new ClusterNaming({
      saved: (node) => {
        this.refocus = node.key;
        this.refresh();
      },
      closed: (node, keepFocus) => {
        this.refocus = keepFocus ? node.key : null;
        this.renderTree();
      },
      error: (message) => this.on.error(message),
    });
    this.keys = new TreeKeys(ui.tree, {
      expand: (key, open) => {
        if (open) this.expanded.add(key); else this.expanded.delete(key);
        this.refocus = key;
        this.renderTree();
      },
    });
    ui.filter.addEventListener('input', () => this.renderTree());
  }

  /** Whether the gallery shows a node of the tree (rather than a search, say). */
  active() {
    return !this.gallery.view || this.gallery.view.owner === this;
  }

  /** Shows the selected node's images in the gallery again. */
  activate() {
    return this.gallery.show(this.nodeView(this.selected));
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
    if (this.active()) {
      await this.activate();
    }
  }

  /** Forgets everything the server told (the key was forgotten). */
  clear() {
    clearTimeout(this.pollTimer);
    this.images.clear();
    this.groups = [];
    this.count = undefined;
    this.loaded = false;
    this.gallery.clear();
    this.renderTree();
    this.ui.summary.textContent = '';
  }

  /** Images were deleted or removed from the library: drop them at once, then reload. */
  removed(...ids) {
    for (const id of ids) {
      this.images.markGone(id);
      this.gallery.removed(id);
    }
    this.refresh();
  }

  renderSummary() {
    const total = this.total();
    this.ui.summary.textContent = total === 0 ? 'No images yet' : `${total} image${total === 1 ? '' : 's'}`;
  }

  /** The nodes of the tree, each with its level, labels, key and image ids. */
  nodes() {
    return this.groups.map((group) => ({
      level: 'object', object: group.object_category, key: nodeKey('o', group.object_category),
      title: group.object_category, count: group.total_images, cover: cover(group),
      ids: group.subgroups.flatMap((sub) => sub.image_ids),
      children: group.subgroups.map((sub) => ({
        level: 'background', object: group.object_category, background: sub.background_category,
        key: nodeKey('b', group.object_category, sub.background_category),
        title: `${group.object_category} › ${sub.background_category}`, count: sub.image_ids.length,
        ids: sub.image_ids, cover: cover(sub),
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
    this.selected = node;
    this.activate();
    this.renderTree();
    this.on.selected();
  }

  /** What the gallery shows for a node: its images, newest first for All images, else in the tree's order. */
  nodeView(node) {
    const empty = node.level === 'all' ? 'Nothing here yet. Drop photos above, or choose them with the button.'
      : 'These images were removed.';
    return {
      owner: this, key: `node:${node.key}`, title: node.title, category: node.level !== 'all',
      load: async (count) => {
        if (node.level === 'all') {
          const page = await apiJson(`/images?limit=${Math.min(count, 500)}&offset=0`);
          this.images.remember(page.body.images);
          return { images: page.body.images, total: page.body.total, empty };
        }
        const ids = node.ids.slice(0, count);
        const images = await this.images.get(ids, node.object, node.background);
        return { images, total: node.ids.length - ids.filter((id) => this.images.isGone(id)).length, empty };
      },
    };
  }

  renderTree() {
    const query = this.ui.filter.value.trim().toLowerCase();
    let focused = document.activeElement && this.ui.tree.contains(document.activeElement)
      ? document.activeElement.dataset.key : null;
    const naming = this.naming.focused();
    if (this.refocus) {
      focused = this.refocus;
      this.refocus = null;
    }
    const root = el('ul', 'tree-list');
    root.setAttribute('role', 'tree');
    root.setAttribute('aria-label', 'Photos by what they show, where, and group');
    root.append(this.treeItem({ ...ALL, label: 'All images', count: this.total(), children: [] }, false, 1));
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
        && !objectMatches, 1));
    }
    const nodes = [root];
    if (this.loaded && matches === 0) {
      let text = 'No images yet. Drop some photos to start.';
      if (query) {
        text = `No category matches “${this.ui.filter.value.trim()}”.`;
      } else if (this.total() > 0) {
        text = 'The images are being sorted into categories…';
      }
      nodes.push(el('p', 'tree-empty', text));
    }
    this.ui.tree.replaceChildren(...nodes);
    this.keys.settle();
    showCovers(this.ui.tree, this.images);
    if (naming) {
      this.naming.focus();
    } else if (focused) {
      this.keys.focusKey(focused);
    }
  }

  total() {
    return Number.isFinite(this.count) ? this.count : this.groups.reduce((sum, group) => sum + group.total_images, 0);
  }

  /**
   * One row of the tree: a treeitem (the row's one Tab stop, see TreeKeys) with its picture, name and count, the
   * arrow that folds it (for the mouse and touch; the keyboard uses ← and →), and its children when unfolded.
   */
  treeItem(node, forceOpen, level) {
    const item = el('li', `tree-item level-${node.level}`);
    item.setAttribute('role', 'none');
    const row = el('div', 'tree-row');
    const open = forceOpen || this.expanded.has(node.key);
    const children = node.children.map((child) => ({
      ...child, label: child.label || (child.level === 'background' ? child.background : child.title),
    }));
    if (children.length > 0) {
      const toggle = el('span', 'tree-toggle');
      toggle.setAttribute('aria-hidden', 'true');
      toggle.title = open ? 'Fold' : 'Unfold';
      toggle.classList.toggle('open', open);
      toggle.addEventListener('click', () => {
        if (this.expanded.has(node.key)) this.expanded.delete(node.key); else this.expanded.add(node.key);
        this.refocus = node.key;
        this.renderTree();
      });
      row.append(toggle);
    } else {
      row.append(el('span', 'tree-spacer'));
    }
    const form = this.naming.form(node);
    if (form) {
      row.append(form);
      return this.withChildren(item, row, children, open, level);
    }
    const button = el('div', `node${node.noise ? ' noise' : ''}${node.pending ? ' pending' : ''}`);
    button.setAttribute('role', 'treeitem');
    button.setAttribute('aria-level', String(level));
    button.setAttribute('aria-selected', String(node.key === this.selected.key && this.active()));
    if (children.length > 0) button.setAttribute('aria-expanded', String(open));
    button.tabIndex = -1;
    button.dataset.key = node.key;
    button.dataset.level = node.level;
    button.dataset.count = String(node.count);
    if (node.object !== undefined) button.dataset.object = node.object;
    if (node.background !== undefined) button.dataset.background = node.background;
    if (node.cluster !== undefined) button.dataset.cluster = String(node.cluster);
    if (node.pending) button.title = 'New images, sorted into clusters in a moment';
    if (node.cover !== undefined) {
      button.append(coverImage(node.cover, this.images));
    }
    const label = el('span', `node-label${node.suggested ? ' suggested' : ''}`, node.label);
    button.append(label);
    if (node.suggested) {
      label.append(el('span', 'suggested-mark', 'suggested')); // under the name, which keeps the row's width
      button.title = `A suggested name: rename the group to give it your own`;
    }
    const count = el('span', 'count', node.count);
    count.setAttribute('aria-label', `${node.count} photo${node.count === 1 ? '' : 's'}`);
    button.append(count);
    button.addEventListener('click', () => this.select(node));
    row.append(button);
    if (node.clusterKey) {
      this.renamable(node, button, row);
    }
    return this.withChildren(item, row, children, open, level);
  }

  /** A cluster's pencil button, and F2 on its row, rename it in place. */
  renamable(node, button, row) {
    const rename = () => {
      this.naming.start(node);
      this.renderTree();
      this.naming.focus();
    };
    const pencil = el('button', 'rename', '\u270E');
    pencil.type = 'button';
    pencil.tabIndex = -1; // one Tab stop per row: the keyboard renames with F2
    pencil.setAttribute('aria-hidden', 'true');
    button.setAttribute('aria-keyshortcuts', 'F2');
    pencil.dataset.key = `rename:${node.key}`;
    pencil.setAttribute('aria-label', `Rename ${node.label}`);
    pencil.title = 'Rename this group';
    pencil.addEventListener('click', rename);
    button.addEventListener('keydown', (event) => {
      if (event.key === 'F2') {
        event.preventDefault();
        rename();
      }
    });
    row.append(pencil);
  }

  withChildren(item, row, children, open, level) {
    item.append(row);
    if (children.length > 0 && open) {
      const list = el('ul', 'tree-list');
      list.setAttribute('role', 'group');
      list.id = `tree-group-${++this.groupIds}`;
      const owner = row.querySelector('[role="treeitem"]');
      if (owner) owner.setAttribute('aria-owns', list.id); // the row's children, though not inside it
      children.forEach((child) => list.append(this.treeItem(child, false, level + 1)));
      item.append(list);
    }
    return item;
  }
}
