package org.imageorganizer.ui.main;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.imageorganizer.ui.EmbeddedServer;

/** An embedded server that only records what the window asked of it (the real one is tested in app). */
final class FakeEmbeddedServer implements EmbeddedServer {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running;
    private volatile RuntimeException failure;

    @Override
    public synchronized String start(int port) {
        calls.add("start " + port);
        if (failure != null) {
            throw failure;
        }
        running = true;
        return "http://127.0.0.1:" + (port == 0 ? 49152 : port) + "/";
    }

    @Override
    public synchronized void stop() {
        calls.add("stop");
        running = false;
    }

    @Override
    public boolean running() {
        return running;
    }

    /** Makes the next starts fail with this sentence (port in use…), or succeed again with null. */
    public void failWith(String sentence) {
        failure = sentence == null ? null : new IllegalStateException(sentence);
    }

    /** "start 8080", "stop"… in order. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }
}
