package org.m365mcp.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Where and when the load run ran, so that its figures can be read against their machine.
 *
 * @param loadAverage the 1-, 5- and 15-minute load averages from {@code /proc/loadavg}; "n/a" elsewhere
 */
record Machine(String at, int nproc, String cpu, String os, String java, String loadAverage) {

    static Machine now() {
        return new Machine(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Runtime.getRuntime().availableProcessors(),
                cpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                currentLoadAverage());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("n/a");
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** The 1-minute load average now; NaN where {@code /proc/loadavg} cannot be read. */
    static double oneMinuteLoad() {
        try {
            return Double.parseDouble(currentLoadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
