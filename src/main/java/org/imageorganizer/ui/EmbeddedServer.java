package org.imageorganizer.ui;

/**
 * The REST server the window can run beside itself, over the same library. The application
 * provides it (the ui package does not know the server's classes).
 */
public interface EmbeddedServer {

    /**
     * Starts the server on loopback.
     *
     * @param port the port, 0 for any free one
     * @return the server's address, such as {@code http://127.0.0.1:8080/}
     * @throws RuntimeException with a sentence for the user when it cannot start (port in use…)
     */
    String start(int port);

    /** Stops the server, letting requests in progress finish. Does nothing when it is not running. */
    void stop();

    boolean running();
}
