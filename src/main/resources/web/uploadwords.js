// What went wrong with an upload, in words a user understands: a short headline ("Not a photo this app can read",
// "Too large (max 50 MB)") and, when it adds something, the server's own reason below it ("PDF documents are not
// supported"). Never an HTTP status code.

const MIB = 1024 * 1024;

/** 52428800 → "50", 1572864 → "1.5" (the server counts a megabyte as 1024 × 1024 bytes, as its --max-file-mb does). */
function megabytes(bytes) {
  const mb = bytes / MIB;
  return mb >= 10 || Number.isInteger(mb) ? String(Math.round(mb)) : mb.toFixed(1);
}

/** The size limit named in a server's "too large" reason, in words ("max 50 MB"), or null. */
export function limitOf(detail) {
  const text = String(detail || '');
  const pixels = text.match(/the ([\d.]+)-megapixel limit/);
  if (pixels) {
    return `max ${pixels[1]} megapixels`;
  }
  const bytes = text.match(/limit of (\d+) bytes/) || text.match(/\((\d+) bytes per file/);
  if (bytes) {
    return `max ${megabytes(Number(bytes[1]))} MB`;
  }
  const mib = text.match(/limit of ([\d.]+) MiB/);
  if (mib) {
    return `max ${mib[1]} MB`;
  }
  const kib = text.match(/limit of ([\d.]+) KiB/);
  return kib ? `max ${kib[1]} KB` : null;
}

/** "not an image (plain text)" → "Not an image (plain text)." */
function sentence(text) {
  const trimmed = String(text || '').trim();
  if (!trimmed) {
    return '';
  }
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * Why a file was not added.
 * @param {object} problem  status (HTTP, 0 when the connection failed), error (the server's code), detail (its
 *                          reason), perFile (whether the reason is about this file rather than the whole request)
 * @returns {{headline: string, detail: string}} detail is '' when it would only repeat the headline
 */
export function uploadProblem({ status, error, detail, perFile }) {
  const looksLike = perFile && String(detail || '').match(/^not an image \((.+)\)$/i);
  const reason = looksLike ? sentence(looksLike[1]) : (perFile ? sentence(detail) : '');
  if (error === 'unsupported_media_type' || status === 415) {
    return { headline: 'Not a photo this app can read', detail: reason };
  }
  if (error === 'payload_too_large' || status === 413) {
    const limit = limitOf(detail);
    if (limit && /megapixel/.test(limit)) {
      return { headline: `Too many pixels (${limit})`, detail: '' };
    }
    return { headline: limit ? `Too large (${limit})` : 'Too large for this server', detail: '' };
  }
  if (error === 'invalid_image' || (perFile && status === 400)) {
    return { headline: 'The file is damaged or incomplete', detail: reason };
  }
  if (error === 'storage_unavailable') {
    return { headline: 'The server could not store it just now; try again later', detail: reason };
  }
  if (error === 'storage_refused') {
    return { headline: 'The server could not store it', detail: reason };
  }
  if (status === 408) {
    return { headline: 'The upload was too slow and was cut off; try again', detail: '' };
  }
  if (status === 0) {
    return { headline: 'The upload did not reach the server', detail: sentence(detail) };
  }
  if (status >= 500) {
    return { headline: 'Something went wrong on the server; try again', detail: sentence(detail) };
  }
  return { headline: sentence(detail) || 'The server did not take this file', detail: '' };
}
