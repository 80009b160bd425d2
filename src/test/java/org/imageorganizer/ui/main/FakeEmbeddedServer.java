package org.imageorganizer.ui.main;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.imageorganizer.ui.EmbeddedServer;

/** An embedded server that only records what the window asked of it (the real one is tested in app). */
final class FakeEmbeddedServer implements EmbeddedServer {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running;
    private volatile boolean forNetwork;
    private volatile int port;
    private volatile RuntimeException failure;

    @Override
    public synchronized String start(int port) {
        calls.add("start " + port);
        if (failure != null) {
            throw failure;
        }
        running = true;
        forNetwork = false;
        this.port = port == 0 ? 49152 : port;
        return "http://127.0.0.1:" + this.port + "/";
    }

    @Override
    public synchronized String startForNetwork(int port, String accessKey) {
        calls.add("start for the network " + port + " with key " + accessKey);
        if (failure != null) {
            throw failure;
        }
        running = true;
        forNetwork = true;
        this.port = port == 0 ? 49152 : port;
        return "http://127.0.0.1:" + this.port + "/";
    }

    /** As if this computer were 192.168.1.20 on its home network. */
    @Override
    public List<String> networkAddresses() {
        return running && forNetwork ? List.of("http://192.168.1.20:" + port + "/") : List.of();
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

    /** "start 8080", "stop", "start for the network 8080 with key KEY"… in order. */
    public List<String> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }
}
