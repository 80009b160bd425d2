// The page's wiring: the three views (Library, Duplicates, Your categories), drag and drop, the API key form,
// the footer, messages.

import { ApiError, apiKey, forgetApiKey, onKeyNeeded, setApiKey } from './api.js';
import { Categories } from './categories.js';
import { CategoriesPage } from './categoriespage.js';
import { DetailView } from './detail.js';
import { Drawer } from './drawer.js';
import { DuplicatesView } from './duplicates.js';
import { Gallery } from './gallery.js';
import { ImageCache } from './images.js';
import { Library } from './library.js';
import { PhotoSearch } from './search.js';
import { Selection } from './selection.js';
import { UploadQueue, droppedFiles } from './upload.js';

const $ = (id) => document.getElementById(id);

let toastTimer = null;
function toast(message) {
  const box = $('toast');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    box.hidden = true;
  }, 6000);
}

// The library's categories: the detail view's choosers, "Move to" and the categories page show them; a new name
// shows in the tree at once, and the tree is read again when the server has sorted the photos again.
let categoryNames = '';
const categories = new Categories({
  changed: () => {
    detail.categoriesChanged();
    selection.fillChooser();
    categoriesPage.render();
    const names = JSON.stringify(categories.all.map((category) => category.name));
    if (categoryNames && names !== categoryNames) {
      library.refreshSoon();
    }
    categoryNames = names;
  },
  resorted: () => {
    categoriesPage.resorted();
    library.refresh();
  },
});

/** Photos changed categories: their cached details and cards are old, the tree's counts too. */
function corrected(...ids) {
  ids.forEach((id) => gallery.images.forget(id));
  library.refresh();
}

const detail = new DetailView({
  deleted: (image) => {
    toast(`Deleted ${image.filename}`);
    library.removed(image.id);
    if (showingDuplicates()) {
      duplicates.load();
      $('duplicates').focus();
    } else {
      $('gallery').focus();
    }
  },
  similar: (image) => {
    search.similar(image);
    $('gallery').focus();
  },
  corrected: (image) => {
    gallery.images.remember([image]);
    library.refresh();
  },
  error: toast,
}, categories);

const selection = new Selection({
  bar: $('selection-bar'), count: $('selection-count'), grid: $('grid'), chooser: $('move-to'), move: $('move-selected'),
  clear: $('clear-selection'), error: $('selection-error'),
}, categories, {
  moved: (ids, kind, name) => {
    toast(`Moved ${ids.length} photo${ids.length === 1 ? '' : 's'} to “${name}”.`);
    corrected(...ids);
  },
});

const gallery = new Gallery({
  title: $('gallery-title'), count: $('gallery-count'), extra: $('gallery-extra'), empty: $('gallery-empty'),
  grid: $('grid'), more: $('load-more'),
}, new ImageCache(), {
  open: (image, images) => detail.open(image, images),
  changed: () => {
    library.renderTree();
    search.updateEntry();
  },
  error: toast,
}, selection);

// On a phone the tree is a drawer: choosing a category or searching closes it to show the photos.
const drawer = new Drawer({
  panel: $('sidebar'), open: $('open-tree'), close: $('close-tree'), backdrop: $('drawer-backdrop'),
  filter: $('tree-filter'), outside: [document.querySelector('.topbar'), document.querySelector('.content'),
    document.querySelector('.footer')],
});

const library = new Library({
  tree: $('tree'), filter: $('tree-filter'), treeStatus: $('tree-status'), summary: $('library-summary'),
}, gallery, {
  selected: () => {
    showLibrary();
    drawer.chosen();
  },
  error: toast,
});

const search = new PhotoSearch({ filter: $('tree-filter'), entry: $('search-entry') }, gallery, {
  started: () => showLibrary(),
  cleared: () => library.activate(),
  open: (image, images) => detail.open(image, images),
});

$('tree-filter').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && $('tree-filter').value.trim() !== '') {
    drawer.chosen();
  }
});
$('search-entry').addEventListener('click', () => drawer.chosen());

const duplicates = new DuplicatesView({
  section: $('duplicates'), list: $('duplicate-stacks'), count: $('duplicates-count'), status: $('duplicates-status'),
  exactOnly: $('duplicates-exact'), reload: $('duplicates-reload'),
}, gallery.images, {
  open: (image, images) => detail.open(image, images),
  resolved: (keeper, removed) => {
    toast(`Kept ${keeper.filename}; removed ${removed.length} from the library.`);
    library.removed(...removed);
  },
  error: toast,
});

const categoriesPage = new CategoriesPage({ lists: $('category-lists'), status: $('categories-status') }, categories);

// The views: the library (tree, drop zone, gallery), the duplicates and the categories, one link each.

function showingDuplicates() {
  return window.location.hash === '#duplicates';
}

function showingCategories() {
  return window.location.hash === '#categories';
}

function route() {
  const dup = showingDuplicates();
  const cat = showingCategories();
  $('duplicates').hidden = !dup;
  $('categories').hidden = !cat;
  $('gallery').hidden = dup || cat;
  $('drop-zone').hidden = dup || cat;
  for (const [id, current] of [['view-library', !dup && !cat], ['view-duplicates', dup], ['view-categories', cat]]) {
    if (current) $(id).setAttribute('aria-current', 'page'); else $(id).removeAttribute('aria-current');
  }
  if (dup) {
    duplicates.load();
  } else {
    duplicates.hide();
  }
  if (cat) {
    categories.load().catch(() => {});
  }
}

function showLibrary() {
  if (showingDuplicates() || showingCategories()) {
    window.location.hash = '#library';
    route();
  }
}

window.addEventListener('hashchange', route);
route();

const uploads = new UploadQueue({
  section: $('uploads'), list: $('upload-list'), summary: $('upload-summary'), clear: $('clear-uploads'),
}, {
  uploaded: () => library.refreshSoon(),
  view: (image) => detail.open(image),
});

// The API key: asked for with a form when a request is refused, kept for this tab only.

function showKeyForm(sentKey) {
  if (sentKey !== '' && sentKey !== apiKey()) {
    return; // an answer to a request made with a key already replaced or refused
  }
  const panel = $('key-panel');
  const wasHidden = panel.hidden;
  panel.hidden = false;
  if (sentKey !== '') {
    forgetApiKey();
    $('forget-key').hidden = true;
    $('key-error').textContent = 'The server did not accept that key. Check it and try again.';
  } else if (wasHidden) {
    $('key-error').textContent = '';
  }
  if (wasHidden || sentKey !== '') {
    $('api-key-input').focus();
  }
}

onKeyNeeded(showKeyForm);

$('api-key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const key = $('api-key-input').value.trim();
  if (!key) {
    $('key-error').textContent = 'Enter the key.';
    $('api-key-input').focus();
    return;
  }
  setApiKey(key);
  $('api-key-input').value = '';
  $('key-error').textContent = '';
  $('key-panel').hidden = true;
  $('forget-key').hidden = false;
  library.refresh();
  categories.load().catch(() => {});
  if (!library.active()) {
    gallery.reload();
  }
  if (showingDuplicates()) {
    duplicates.load();
  }
  uploads.resume();
});

$('forget-key').addEventListener('click', () => {
  forgetApiKey();
  $('forget-key').hidden = true;
  library.clear();
  duplicates.clear();
  categories.clear();
  toast('The key was forgotten in this tab.');
  library.refresh();
});

$('forget-key').hidden = apiKey() === '';

// Uploads: the button, and files dropped on the drop zone or anywhere else on the page.

$('choose-files').addEventListener('click', () => $('file-input').click());
$('file-input').addEventListener('change', (event) => {
  uploads.add(event.target.files);
  event.target.value = '';
});

const zone = $('drop-zone');
let dragDepth = 0;

function carriesFiles(event) {
  return event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
}

function dragEnded() {
  dragDepth = 0;
  document.body.classList.remove('dragging');
}

document.addEventListener('dragenter', (event) => {
  if (carriesFiles(event)) {
    event.preventDefault();
    dragDepth++;
    document.body.classList.add('dragging');
  }
});
document.addEventListener('dragover', (event) => {
  if (carriesFiles(event)) {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }
});
document.addEventListener('dragleave', () => {
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) {
    dragEnded();
  }
});

async function onDrop(event) {
  if (!event.dataTransfer) {
    return;
  }
  event.preventDefault();
  event.stopPropagation();
  dragEnded();
  try {
    const files = await droppedFiles(event.dataTransfer);
    if (files.length === 0) {
      toast('Nothing to upload: drop image files or folders.');
      return;
    }
    uploads.add(files);
  } catch (error) {
    toast(`Could not read the dropped files: ${error.message}`);
  }
}

zone.addEventListener('drop', onDrop);
document.addEventListener('drop', onDrop);

// The footer names the running version and links to its source (the AGPL asks for it).

async function loadHealth() {
  try {
    const response = await fetch('/health', { headers: { Accept: 'application/json' } });
    const health = await response.json();
    if (typeof health.version === 'string') {
      $('app-version').textContent = health.version;
    }
    if (typeof health.source === 'string' && /^https?:\/\//i.test(health.source)) {
      $('source-link').href = health.source;
    }
    if (health.status === 'loading') {
      toast('The server is starting: uploads wait until its recognition model is loaded (a few seconds).');
    } else if (health.status === 'failed') {
      toast(`The server could not start: ${health.error || 'see its log'}`);
    } else if (health.status && health.status !== 'ok') {
      toast(health.status === 'shutting_down' ? 'The server is shutting down.' : 'The server is not healthy right now.');
    }
  } catch {
    // the footer keeps its defaults
  }
}

window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiError) {
    event.preventDefault();
    if (event.reason.status !== 401) {
      toast(event.reason.detail);
    }
  }
});

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    library.refreshSoon(0);
  }
});

loadHealth();
library.refresh();
categories.load().catch(() => {});
