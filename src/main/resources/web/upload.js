// The upload queue: files go up in small batches, two requests at a time, each file with its own
// progress bar (worked out from its place in the request body) and its own result.

import { ApiError, apiKey, el, formatBytes, uploadFiles } from './api.js';
import { uploadProblem } from './uploadwords.js';

const MAX_BATCH_FILES = 4;
const MAX_BATCH_BYTES = 8 * 1000 * 1000;
const PARALLEL_REQUESTS = 2;
const MAX_RATE_LIMIT_RETRIES = 20;
const IMAGE_NAME = /\.(jpe?g|png|gif|webp|tiff?|bmp)$/i;

export class UploadQueue {
  /**
   * @param {object} ui  section, list, summary and clear button elements
   * @param {object} on  uploaded(): images were added; view(image): show one
   */
  constructor(ui, on) {
    this.ui = ui;
    this.on = on;
    this.items = [];
    this.pending = [];
    this.active = 0;
    this.paused = false;
    this.blockedUntil = 0;
    ui.clear.addEventListener('click', () => this.clearFinished());
  }

  /** Queues files (a FileList or an array of File). */
  add(files) {
    const list = Array.from(files);
    if (list.length === 0) {
      return;
    }
    this.ui.section.hidden = false;
    for (const file of list) {
      const item = this.createItem(file);
      this.items.push(item);
      this.pending.push(item);
    }
    this.updateSummary();
    this.pump();
  }

  /** Continues after the key was entered. */
  resume() {
    this.paused = false;
    for (const item of this.pending) {
      this.setState(item, 'queued', 'Waiting…');
    }
    this.pump();
  }

  createItem(file) {
    const node = el('li', 'upload-item');
    const row = el('div', 'upload-row');
    const name = el('span', 'upload-name', file.name || 'unnamed file');
    name.title = file.name || '';
    row.append(name, el('span', 'upload-size', formatBytes(file.size)));
    const progress = el('progress', 'upload-progress');
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', `Upload of ${file.name}`);
    const message = el('p', 'upload-message');
    node.append(row, progress, message);
    this.ui.list.append(node);
    const item = { file, node, progress, message, state: 'queued', retries: 0, single: false };
    this.setState(item, 'queued', 'Waiting…');
    return item;
  }

  setState(item, state, text) {
    item.state = state;
    item.node.dataset.status = state;
    item.message.replaceChildren(document.createTextNode(text));
    const finished = state === 'done' || state === 'duplicate' || state === 'error';
    if (finished) {
      item.progress.value = 100;
    } else if (state === 'queued' || state === 'waiting') {
      item.progress.value = 0;
    } else if (state === 'processing') {
      item.progress.removeAttribute('value'); // indeterminate while the server analyses the photo
    }
    this.updateSummary();
  }

  pump() {
    while (!this.paused && !this.blockedUntil && this.active < PARALLEL_REQUESTS && this.pending.length > 0) {
      const batch = this.takeBatch();
      this.active++;
      this.send(batch).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  takeBatch() {
    const batch = [this.pending.shift()];
    let bytes = batch[0].file.size;
    if (batch[0].single) {
      return batch;
    }
    while (this.pending.length > 0 && batch.length < MAX_BATCH_FILES && !this.pending[0].single
        && bytes + this.pending[0].file.size <= MAX_BATCH_BYTES) {
      const next = this.pending.shift();
      bytes += next.file.size;
      batch.push(next);
    }
    return batch;
  }

  async send(batch) {
    const ends = [];
    let offset = 0;
    for (const item of batch) {
      offset += item.file.size;
      ends.push(offset);
      item.progress.value = 0;
      this.setState(item, 'uploading', 'Uploading…');
    }
    const onProgress = (loaded, total) => {
      // the multipart body adds a few hundred bytes per file around the files' own bytes
      const scale = offset > 0 ? Math.min(1, offset / total) : 1;
      batch.forEach((item, index) => {
        const start = index === 0 ? 0 : ends[index - 1];
        const done = item.file.size === 0 ? 1 : (loaded * scale - start) / item.file.size;
        item.progress.value = Math.max(0, Math.min(100, Math.round(done * 100)));
        if (loaded >= total && item.state === 'uploading') {
          this.setState(item, 'processing', 'Analysing…');
        }
      });
    };
    const sentKey = apiKey();
    let result;
    try {
      result = await uploadFiles(batch.map((item) => item.file), onProgress);
    } catch (error) {
      this.failed(batch, error instanceof ApiError ? error : new ApiError(0, 'network', String(error)), sentKey);
      return;
    }
    if (result.error) {
      this.failed(batch, result.error, sentKey);
      return;
    }
    this.showResults(batch, result.body && Array.isArray(result.body.files) ? result.body.files : []);
  }

  /** Per-file results, in the order the files were sent. */
  showResults(batch, files) {
    let added = false;
    batch.forEach((item, index) => {
      const entry = files[index];
      if (!entry) {
        this.setState(item, 'error', 'The server did not report on this file.');
      } else if (typeof entry.id === 'number') {
        item.image = entry;
        if (entry.duplicate) {
          const same = entry.filename && entry.filename !== item.file.name ? ` as “${entry.filename}”` : '';
          this.setState(item, 'duplicate', `Already in the library${same}`);
        } else {
          added = true;
          this.setState(item, 'done', `Added: ${entry.object_category} · ${entry.background_category}`);
        }
        this.addViewButton(item);
      } else {
        this.failedWith(item, uploadProblem({ status: entry.status, error: entry.error, detail: entry.detail,
          perFile: true }));
      }
    });
    if (added) {
      this.on.uploaded();
    }
  }

  addViewButton(item) {
    const view = el('button', 'link-button', 'View');
    view.type = 'button';
    view.setAttribute('aria-label', `View ${item.file.name}`);
    view.addEventListener('click', () => this.on.view(item.image));
    item.message.append(document.createTextNode(' '), view);
  }

  failed(batch, error, sentKey) {
    if (error.status === 401) {
      // sent with a key since replaced: try again with the new one; else wait for a key
      this.paused = apiKey() === '' || apiKey() === sentKey;
      for (const item of batch.slice().reverse()) {
        this.pending.unshift(item);
      }
      for (const item of batch) {
        this.setState(item, 'waiting', 'Waiting for the API key…');
      }
      return;
    }
    if ((error.status === 429 || error.status === 503) && batch[0].retries < MAX_RATE_LIMIT_RETRIES) {
      // over the upload rate (429), the server is reading as many uploads as it may (503), or it is still
      // loading its recognition model after a start (503 "loading")
      for (const item of batch.slice().reverse()) {
        item.retries++;
        this.pending.unshift(item);
      }
      this.waitFor(error.retryAfter || 5, error.status, error.code);
      return;
    }
    if (batch.length > 1 && (error.status === 0 || error.status === 413)) {
      // one file may have spoiled the whole request: send each on its own to find out which
      for (const item of batch.slice().reverse()) {
        item.single = true;
        this.pending.unshift(item);
        this.setState(item, 'queued', 'Waiting…');
      }
      return;
    }
    if (error.body && Array.isArray(error.body.files) && error.body.files.length === batch.length) {
      this.showResults(batch, error.body.files);
      return;
    }
    const problem = uploadProblem({ status: error.status, error: error.code, detail: error.detail, perFile: false });
    for (const item of batch) {
      this.failedWith(item, problem);
    }
  }

  /** The file was not added: why, in words, and the server's reason below when it says more. */
  failedWith(item, { headline, detail }) {
    this.setState(item, 'error', headline);
    if (detail) {
      item.message.append(document.createTextNode(' '), el('span', 'upload-detail', detail));
    }
  }

  /**
   * The server limits uploads per minute (429), is busy (503) or is starting (503 "loading"): the whole
   * queue waits as long as it says, then goes on where it stopped.
   */
  waitFor(seconds, status, code) {
    const why = code === 'loading' ? 'The server is loading its recognition model'
      : status === 503 ? 'The server is busy' : 'The server takes only so many uploads a minute';
    const until = Date.now() + seconds * 1000;
    if (this.blockedUntil >= until) {
      return;
    }
    this.blockedUntil = until;
    clearInterval(this.blockTimer);
    const tick = () => {
      const left = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (left === 0) {
        clearInterval(this.blockTimer);
        this.blockedUntil = 0;
        for (const item of this.pending) {
          this.setState(item, 'queued', 'Waiting…');
        }
        this.pump();
        return;
      }
      for (const item of this.pending) {
        this.setState(item, 'waiting', `${why}: going on in ${left}\u00a0s`);
      }
    };
    tick();
    this.blockTimer = setInterval(tick, 1000);
  }

  clearFinished() {
    this.items = this.items.filter((item) => {
      const finished = ['done', 'duplicate', 'error'].includes(item.state);
      if (finished) {
        item.node.remove();
      }
      return !finished;
    });
    if (this.items.length === 0) {
      this.ui.section.hidden = true;
    }
    this.updateSummary();
  }

  updateSummary() {
    const count = (state) => this.items.filter((item) => item.state === state).length;
    const parts = [];
    const done = count('done');
    const duplicates = count('duplicate');
    const errors = count('error');
    const left = this.items.length - done - duplicates - errors;
    if (done) parts.push(`${done} added`);
    if (duplicates) parts.push(`${duplicates} already there`);
    if (errors) parts.push(`${errors} failed`);
    if (left) parts.push(`${left} in progress`);
    this.ui.summary.textContent = parts.join(' · ');
    this.ui.section.dataset.busy = left > 0 ? 'true' : 'false';
  }
}

/** Files from a drop: folders are walked (their image files only), files are taken as they are. */
export async function droppedFiles(dataTransfer) {
  const entries = [];
  for (const item of Array.from(dataTransfer.items || [])) {
    const entry = item.kind === 'file' && item.webkitGetAsEntry ? item.webkitGetAsEntry() : null;
    if (entry) {
      entries.push(entry);
    }
  }
  if (!entries.some((entry) => entry.isDirectory)) {
    return Array.from(dataTransfer.files || []);
  }
  const files = [];
  for (const entry of entries) {
    await collect(entry, files, true);
  }
  return files;
}

async function collect(entry, files, topLevel) {
  if (entry.isFile) {
    const file = await new Promise((resolve) => entry.file(resolve, () => resolve(null)));
    if (file && (topLevel || IMAGE_NAME.test(file.name))) {
      files.push(file);
    }
    return;
  }
  if (!entry.isDirectory) {
    return;
  }
  const reader = entry.createReader();
  for (;;) {
    const batch = await new Promise((resolve) => reader.readEntries(resolve, () => resolve([])));
    if (batch.length === 0) {
      return;
    }
    for (const child of batch) {
      await collect(child, files, false);
    }
  }
}
