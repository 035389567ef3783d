package org.m365mcp.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets one process listens on, as Linux's {@code /proc} tells ({@code ss -ltnp} reads the
 * same): the process's socket inodes from {@code /proc/<pid>/fd}, matched against the LISTEN rows of
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6}.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /** Whether this machine has the {@code /proc} files read here (Linux). */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** The local addresses {@code pid} listens on over TCP. */
    static List<InetSocketAddress> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while listing
                }
            }
        }
        List<InetSocketAddress> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> rows = Files.readAllLines(Path.of(table));
            for (String row : rows.subList(1, rows.size())) {
                String[] columns = row.trim().split("\\s+");
                if (columns[3].equals(LISTEN) && inodes.contains(columns[9])) {
                    listening.add(address(columns[1]));
                }
            }
        }
        return listening;
    }

    /** {@code 0100007F:1F90} (little-endian words of the address, then the port) as an address. */
    private static InetSocketAddress address(String hexAddressAndPort) throws UnknownHostException {
        String[] parts = hexAddressAndPort.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = (word * 4 + i) * 2;
                bytes[word * 4 + 3 - i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
