package org.attesta.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The built distribution as a benchmark drives it: unpacked into a fresh folder and started as a
 * user starts it ({@code bin/karaf server}, ports and options from the environment), then stopped
 * with its child processes. Results are kept as the rows of a Markdown table.
 */
final class BenchDistribution {
    final Path home;
    final int port;
    private final Path work;
    private final List<String> results = new ArrayList<>();

    private BenchDistribution(Path home, Path work, int port) {
        this.home = home;
        this.work = work;
        this.port = port;
    }

    /** Unpacks the tar.gz into {@code work}, which is emptied first. */
    static BenchDistribution unpack(Path dist, Path work) throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        exec(work, "tar", "-xzf", dist.toString(), "-C", work.toString());
        try (var entries = Files.list(work)) {
            Path home = entries.filter(p -> p.getFileName().toString().startsWith("attesta-distribution")).findFirst()
                    .orElseThrow();
            return new BenchDistribution(home, work, freePort());
        }
    }

    /** Starts the server on this distribution's port with the given administrator password, output to karaf.out. */
    Process start(String adminPassword, boolean demo) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .redirectErrorStream(true).redirectOutput(work.resolve("karaf.out").toFile());
        Map<String, String> env = builder.environment();
        env.put("ATTESTA_HTTP_PORT", Integer.toString(port));
        env.put("ATTESTA_SSH_PORT", Integer.toString(freePort()));
        env.put("ATTESTA_ADMIN_PASSWORD", adminPassword);
        env.put("ATTESTA_DEMO", Boolean.toString(demo));
        env.put("ATTESTA_MAX_HEAP", "512m");
        return builder.start();
    }

    static void stop(Process karaf) throws InterruptedException {
        List<ProcessHandle> children = karaf.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        karaf.destroy();
        karaf.waitFor();
        children.forEach(p -> p.onExit().join());
    }

    /** The date, the machine and its load before the run: what else ran shows in the load. */
    void recordMachine() {
        record("date", java.time.LocalDateTime.now().withNano(0).toString());
        record("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", load average before the run " + String.format(
                java.util.Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    }

    /** One row of the results table, printed at once so a long run shows its progress. */
    void record(String what, String value) {
        String line = "| " + what + " | " + value + " |";
        results.add(line);
        System.out.println(line);
    }

    /** Writes the table to results.md in the work folder and prints it whole. */
    void writeResults() throws IOException {
        Files.write(work.resolve("results.md"), results);
        System.out.println(String.join(System.lineSeparator(), results));
    }

    Path work() {
        return work;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void exec(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
