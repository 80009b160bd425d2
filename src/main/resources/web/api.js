// Talking to the server: the API key (kept for this tab in sessionStorage and sent as X-API-Key),
// JSON requests with the server's {"error","detail"} errors, and uploads with progress events.

const KEY_STORAGE = 'imageOrganizer.apiKey';

/** An answer other than 2xx: status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(status, code, detail, body = null, retryAfter = null) {
    super(detail);
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

let keyNeededListener = () => {};

/** Called on a 401 with the key the request carried ('' when it carried none). */
export function onKeyNeeded(listener) {
  keyNeededListener = listener;
}

export function apiKey() {
  try {
    return sessionStorage.getItem(KEY_STORAGE) || '';
  } catch {
    return '';
  }
}

export function setApiKey(key) {
  try {
    sessionStorage.setItem(KEY_STORAGE, key);
  } catch {
    // storage disabled: the key cannot be kept
  }
}

export function forgetApiKey() {
  try {
    sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // nothing kept
  }
}


/**
 * Performs a request (`type` is the body's Content-Type); resolves with the Response when it is 2xx,
 * else rejects with an ApiError (an AbortError when `signal` cancelled it).
 */
export async function api(path, { method = 'GET', body, signal, type } = {}) {
  const headers = new Headers({ Accept: 'application/json' });
  if (type) {
    headers.set('Content-Type', type);
  }
  const key = apiKey();
  if (key) {
    headers.set('X-API-Key', key);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body, signal, credentials: 'same-origin' });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, 'network', 'The server could not be reached. Check the connection and try again.');
  }
  if (response.status === 401) {
    keyNeededListener(key);
  }
  if (!response.ok) {
    let json = null;
    try {
      json = await response.json();
    } catch {
      // not JSON: a proxy's page, say
    }
    throw errorFrom(response.status, response.statusText, json, response.headers.get('Retry-After'));
  }
  return response;
}

/** GET (or another method) and parse the JSON answer; returns {body, response}. */
export async function apiJson(path, options) {
  const response = await api(path, options);
  return { body: await response.json(), response };
}

function errorFrom(status, statusText, json, retryAfter) {
  const code = json && typeof json.error === 'string' ? json.error : `http_${status}`;
  const detail = json && typeof json.detail === 'string' && json.detail
    ? json.detail
    : `The server answered ${status}${statusText ? ' ' + statusText : ''}.`;
  const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  return new ApiError(status, code, detail, json, seconds);
}

/**
 * POSTs files to /images as multipart/form-data (field "files"). onProgress gets the bytes sent so
 * far and the total. Resolves with {status, body} for any HTTP answer (the caller sorts out per-file
 * results and errors), rejects with an ApiError of status 0 when the connection failed.
 */
export function uploadFiles(files, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const file of files) {
      form.append('files', file, file.name);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/images');
    xhr.setRequestHeader('Accept', 'application/json');
    const key = apiKey();
    if (key) {
      xhr.setRequestHeader('X-API-Key', key);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded, event.total);
      }
    });
    xhr.addEventListener('load', () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status === 401) {
        keyNeededListener(key);
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, body: json, error: null });
      } else {
        resolve({
          status: xhr.status, body: json,
          error: errorFrom(xhr.status, xhr.statusText, json, xhr.getResponseHeader('Retry-After')),
        });
      }
    });
    const failed = () => reject(new ApiError(0, 'network',
      'The connection closed during the upload; the file may be over the server\'s size limit.'));
    xhr.addEventListener('error', failed);
    xhr.addEventListener('abort', failed);
    xhr.addEventListener('timeout', failed);
    xhr.send(form);
  });
}

/** "1.4 MB" */
export function formatBytes(bytes) {
  if (!Number.isFinite(bytes)) {
    return '';
  }
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 0.4031 → "40%" */
export function percent(confidence) {
  return Number.isFinite(confidence) ? `${Math.round(confidence * 100)}%` : '–';
}

/** A link the server handed out, with one query parameter set (signed links keep their signature). */
export function withParam(url, name, value) {
  const parsed = new URL(url, window.location.href);
  parsed.searchParams.set(name, value);
  return parsed.href;
}

/** Creates an element with a class and text (never HTML). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined && text !== null) {
    node.textContent = String(text);
  }
  return node;
}
