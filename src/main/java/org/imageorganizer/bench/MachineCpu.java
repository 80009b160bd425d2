package org.imageorganizer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine was between two moments, split into this process and everything else, so
 * that a benchmark on a shared machine can say how much of the CPU others took. Reads Linux's
 * {@code /proc/stat} (all CPUs) and the JVM's process CPU time; elsewhere the machine's share is
 * unknown (NaN).
 *
 * @param wallNanos       when the snapshot was taken ({@link System#nanoTime()})
 * @param machineBusyTicks the machine's busy time so far, in clock ticks summed over all CPUs (-1 when unknown)
 * @param machineAllTicks  the machine's total time so far, in clock ticks summed over all CPUs (-1 when unknown)
 * @param processCpuNanos  this process's CPU time so far
 */
record MachineCpu(long wallNanos, long machineBusyTicks, long machineAllTicks, long processCpuNanos) {
    private static final Path PROC_STAT = Path.of("/proc/stat");

    /**
     * The CPU used between two snapshots, in cores (2.0 = both cores of a 2-core machine busy).
     *
     * @param cores   the machine's cores
     * @param machine cores' worth of busy time, all processes (NaN when unknown)
     * @param process cores' worth of this process's CPU time
     */
    record Use(int cores, double machine, double process) {
        /** Cores' worth taken by other processes (NaN when unknown). */
        double others() {
            return Math.max(0, machine - process);
        }

        String describe() {
            if (Double.isNaN(machine)) {
                return String.format("this process used %.2f of %d cores", process, cores);
            }
            return String.format("the machine was busy %.2f of %d cores: %.2f this process, %.2f others", machine, cores,
                    process, others());
        }
    }

    static MachineCpu now() {
        long busy = -1;
        long all = -1;
        try {
            String cpu = Files.readAllLines(PROC_STAT).get(0); // "cpu  user nice system idle iowait irq softirq steal ..."
            String[] fields = cpu.trim().split("\\s+");
            long sum = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                sum += Long.parseLong(fields[i]);
            }
            all = sum;
            busy = sum - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
        } catch (IOException | RuntimeException e) {
            // not Linux: the machine's share stays unknown
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new MachineCpu(System.nanoTime(), busy, all, process);
    }

    /** The CPU used from this snapshot to {@code later}. */
    Use until(MachineCpu later) {
        int cores = Runtime.getRuntime().availableProcessors();
        double wall = later.wallNanos - wallNanos;
        double machine = machineAllTicks < 0 || later.machineAllTicks <= machineAllTicks ? Double.NaN
                : cores * (double) (later.machineBusyTicks - machineBusyTicks) / (later.machineAllTicks - machineAllTicks);
        return new Use(cores, machine, (later.processCpuNanos - processCpuNanos) / wall);
    }

    /** The 1-, 5- and 15-minute load averages as {@code uptime} prints them, or "unknown". */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
