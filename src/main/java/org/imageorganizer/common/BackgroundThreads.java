package org.imageorganizer.common;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for background work (the model and decoding of uploads, re-clustering) that run at a
 * lower operating-system priority than the threads answering requests, so that on a machine with
 * few cores a read does not wait for the CPU behind them. On Linux each such thread sets its own
 * nice value to {@value #NICE} ({@code setpriority} on its thread id, which any thread may do to
 * itself; threads it starts inherit it); elsewhere it takes Java's lowest priority, which the other
 * systems honour. When that fails, the thread runs at normal priority, which is said once in the log.
 * Measured in BENCHMARKS.md (REST latency while clients upload); ADR 0021.
 */
public final class BackgroundThreads {
    /** The nice value of background threads: CFS gives a nice-0 thread about ten times their share of a core. */
    public static final int NICE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundThreads.class);
    private static final int PRIO_PROCESS = 0;
    private static volatile boolean warned;

    private BackgroundThreads() {
    }

    /** The part of the C library used here. */
    private interface LibC extends Library {
        int setpriority(int which, int who, int prio);
    }

    /** Loaded on first use, so that a system without it costs nothing until then. */
    private static final class Linux {
        static final LibC C = Native.load("c", LibC.class);
    }

    /**
     * A factory of daemon threads named {@code name}, {@code name-2}, … that lower their own
     * priority before running their first task.
     */
    public static ThreadFactory factory(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            int n = count.incrementAndGet();
            Thread thread = new Thread(() -> {
                lowerCurrent();
                task.run();
            }, n == 1 ? name : name + "-" + n);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Lowers the calling thread's priority for the rest of its life.
     *
     * @return whether the system took it
     */
    public static boolean lowerCurrent() {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        Path self = Path.of("/proc/thread-self");
        if (!Files.exists(self)) {
            return true; // not Linux: Java's priority is the system's
        }
        try {
            if (niceOfCurrent() >= NICE) {
                return true; // started lower already (nice java …): never raise it
            }
            String task = Files.readSymbolicLink(self).toString(); // "<pid>/task/<tid>"
            int tid = Integer.parseInt(task.substring(task.lastIndexOf('/') + 1));
            if (Linux.C.setpriority(PRIO_PROCESS, tid, NICE) == 0) {
                return true;
            }
            warnOnce("setpriority refused");
        } catch (Exception | LinkageError e) {
            warnOnce(e.toString());
        }
        return false;
    }

    /**
     * The calling thread's nice value on Linux, from {@code /proc/thread-self/stat}.
     *
     * @throws java.io.IOException when it cannot be read
     */
    public static int niceOfCurrent() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]); // field 19 of proc(5); the first here is field 3
    }

    private static void warnOnce(String why) {
        if (!warned) {
            warned = true;
            LOG.info("Background work runs at normal priority, so requests may wait for it ({})", why);
        }
    }
}
