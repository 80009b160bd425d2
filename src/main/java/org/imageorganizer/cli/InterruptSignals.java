package org.imageorganizer.cli;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation request instead of an immediate
 * JVM exit, so an import stops after the images in flight and the library closes cleanly (a JVM
 * shutdown would close the database under the running import). A second signal exits at once.
 */
final class InterruptSignals implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptSignals.class);
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    InterruptSignals(Runnable onFirstSignal) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] before = new SignalHandler[1];
                before[0] = Signal.handle(signal, s -> {
                    onFirstSignal.run();
                    Signal.handle(s, before[0]); // the next one takes the usual way out
                });
                signals.add(signal);
                previous.add(before[0]);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("Signal {} cannot be handled here: {}", name, e.toString());
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                LOG.debug("Cannot restore handler of {}", signals.get(i), e);
            }
        }
    }
}
