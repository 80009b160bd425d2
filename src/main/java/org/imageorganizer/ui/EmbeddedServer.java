package org.imageorganizer.ui;

import java.util.List;

/**
 * The REST server (and its web page) the window can run beside itself, over the same library. The application
 * provides it (the ui package does not know the server's classes).
 */
public interface EmbeddedServer {

    /**
     * Starts the server on loopback: only this computer reaches it.
     *
     * @param port the port, 0 for any free one
     * @return the server's address, such as {@code http://127.0.0.1:8080/}
     * @throws RuntimeException with a sentence for the user when it cannot start (port in use…)
     */
    String start(int port);

    /**
     * Starts the server on every network interface of this computer, every call but {@code /health} and the page
     * needing {@code accessKey} (the page asks for it).
     *
     * @param port      the port, 0 for any free one
     * @param accessKey the key, at least 16 characters
     * @return the server's address on this computer, such as {@code http://127.0.0.1:8080/}
     * @throws RuntimeException with a sentence for the user when it cannot start (port in use…)
     */
    String startForNetwork(int port, String accessKey);

    /** Stops the server, letting requests in progress finish. Does nothing when it is not running. */
    void stop();

    boolean running();

    /**
     * The addresses other devices on the local network can use while the server runs for the network, such as
     * {@code http://192.168.1.20:8080/}; empty when it runs on loopback only, is stopped, or this computer has no
     * network address.
     */
    List<String> networkAddresses();
}
