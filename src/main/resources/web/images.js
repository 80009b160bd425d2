// Image metadata by id, fetched in batches: through the filtered list (one request for up to 500
// images of a category) when many are missing, else one by one, a few at a time.

import { ApiError, apiJson, withParam } from './api.js';

const FRESH_MS = 20 * 60 * 1000; // signed links live 30 minutes
const LIST_PAGE = 500;
const MAX_LIST_PAGES = 10;
const PARALLEL_GETS = 4;

export class ImageCache {
  constructor() {
    this.entries = new Map();
    this.gone = new Set();
  }

  static thumbnail(image, size) {
    return withParam(image.thumbnail_url, 'size', String(size));
  }

  clear() {
    this.entries.clear();
    this.gone.clear();
  }

  remember(images) {
    const now = Date.now();
    for (const image of images) {
      this.entries.set(image.id, { image, at: now });
      this.gone.delete(image.id);
    }
  }

  forget(id) {
    this.entries.delete(id);
  }

  /** The image was deleted: leave it out even while the tree still lists it. */
  markGone(id) {
    this.entries.delete(id);
    this.gone.add(id);
  }

  isGone(id) {
    return this.gone.has(id);
  }

  peek(id) {
    const entry = this.entries.get(id);
    return entry ? entry.image : null;
  }

  fresh(id) {
    const entry = this.entries.get(id);
    return entry && Date.now() - entry.at < FRESH_MS ? entry.image : null;
  }

  /** The images with these ids, in their order, leaving out those the server no longer has. */
  async get(ids, object, background) {
    let missing = ids.filter((id) => !this.fresh(id) && !this.gone.has(id));
    if (missing.length > PARALLEL_GETS * 2 && object !== undefined) {
      await this.fromList(missing, object, background);
      missing = missing.filter((id) => !this.fresh(id));
    }
    await this.oneByOne(missing);
    return ids.map((id) => this.fresh(id)).filter((image) => image !== null);
  }

  async fromList(missing, object, background) {
    const wanted = new Set(missing);
    let offset = 0;
    for (let page = 0; page < MAX_LIST_PAGES && wanted.size > 0 && offset !== null; page++) {
      const query = new URLSearchParams({ limit: String(LIST_PAGE), offset: String(offset), object });
      if (background !== undefined) {
        query.set('background', background);
      }
      const { body } = await apiJson(`/images?${query}`);
      this.remember(body.images);
      body.images.forEach((image) => wanted.delete(image.id));
      offset = body.next_offset;
    }
  }

  async oneByOne(ids) {
    const queue = ids.slice();
    const worker = async () => {
      while (queue.length > 0) {
        const id = queue.shift();
        try {
          const { body } = await apiJson(`/images/${encodeURIComponent(id)}`);
          this.remember([body]);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) {
            this.gone.add(id);
          } else {
            throw error;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_GETS, queue.length) }, worker));
  }
}
