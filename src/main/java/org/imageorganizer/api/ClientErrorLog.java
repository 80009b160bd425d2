package org.imageorganizer.api;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of client errors (4xx answers): one line, never a stack trace, and at most one line a
 * minute per client address. The first error from an address is logged at once; those that follow
 * within the minute are only counted, and the count goes into that address's next line (its next
 * error after the minute, the sweep that runs with any client error once a minute, or {@link #flush()}
 * when the server stops). A flood of malformed requests from one client thus adds a line a minute.
 * At most {@value #MAX_ADDRESSES} addresses are tracked at once; beyond that, errors from new
 * addresses share one entry, "other addresses".
 */
final class ClientErrorLog {
    static final int MAX_ADDRESSES = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClientErrorLog.class);
    private static final String OTHERS = "other addresses";

    private static final class Window {
        long loggedAt;
        long pending;
        String last;

        Window(long loggedAt) {
            this.loggedAt = loggedAt;
        }
    }

    private final LongSupplier nanoTime;
    private final long interval;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long sweptAt;

    /** @param nanoTime a monotonic clock ({@code System::nanoTime}) */
    ClientErrorLog(LongSupplier nanoTime, Duration interval) {
        this.nanoTime = nanoTime;
        this.interval = interval.toNanos();
        this.sweptAt = nanoTime.getAsLong();
    }

    /**
     * Notes a client error answered to {@code address}.
     *
     * @param detail the sentence the client was given
     */
    void record(String address, int status, String method, String path, String detail) {
        long now = nanoTime.getAsLong();
        String what = status + " " + printable(method, 10) + " " + printable(path, 100) + ": " + printable(detail, 200);
        String key = address == null ? "unknown" : printable(address, 64);
        if (windows.size() >= MAX_ADDRESSES && !windows.containsKey(key)) {
            key = OTHERS;
        }
        Window window = windows.computeIfAbsent(key, k -> new Window(now - interval));
        synchronized (window) {
            if (now - window.loggedAt >= interval) {
                LOG.info("Client error from {}: {}{}", key, what, window.pending == 0 ? ""
                        : " (and " + window.pending + " more from it since the last line)");
                window.loggedAt = now;
                window.pending = 0;
            } else {
                window.pending++;
                window.last = what;
            }
        }
        if (now - sweptAt >= interval) {
            sweptAt = now;
            sweep(now, false);
        }
    }

    /** Logs every count not yet logged (when the server stops). */
    void flush() {
        sweep(nanoTime.getAsLong(), true);
    }

    private void sweep(long now, boolean all) {
        for (Iterator<Map.Entry<String, Window>> entries = windows.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<String, Window> entry = entries.next();
            Window window = entry.getValue();
            synchronized (window) {
                if (window.pending > 0 && (all || now - window.loggedAt >= interval)) {
                    LOG.info("Client errors from {}: {} more since the last line, the last: {}", entry.getKey(),
                            window.pending, window.last);
                    window.loggedAt = now;
                    window.pending = 0;
                } else if (window.pending == 0 && now - window.loggedAt >= interval) {
                    entries.remove();
                }
            }
        }
    }

    /** The text with anything but printable ASCII replaced (no forged log lines), cut at {@code max} characters. */
    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return text.length() > max ? out.append('…').toString() : out.toString();
    }
}
