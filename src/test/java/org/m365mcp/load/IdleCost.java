package org.m365mcp.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What idle signed-in accounts cost: the run makes no call for {@code seconds}, and the sandbox's
 * counters give the Graph requests each account's token made meanwhile (all of them the server's own:
 * delta rounds, subscription upkeep, background refreshes), minute by minute, and by path.
 */
final class IdleCost {

    /**
     * @param byAccount         Graph requests per account over the whole idle time
     * @param per10MinByAccount the same, per 10 minutes
     * @param perMinute         per account, each minute of the idle time in turn
     * @param byPath            requests per Graph path over the idle time
     */
    record Figures(
            int seconds,
            Map<String, Long> byAccount,
            Map<String, Double> per10MinByAccount,
            List<Map<String, Long>> perMinute,
            Map<String, Long> byPath) {

        String summary() {
            return "idle " + seconds + " s: Graph requests by account " + byAccount + ", per 10 min "
                    + per10MinByAccount + "\n  by minute " + perMinute + "\n  by path " + byPath + "\n";
        }
    }

    private IdleCost() {}

    static Figures run(LoadServer server, int seconds) throws Exception {
        System.out.println("Idle for " + seconds + " s");
        Map<String, Long> paths = server.graphRequestsByPath();
        Map<String, Long> start = server.graphRequestsByAccount();
        Map<String, Long> last = start;
        List<Map<String, Long>> perMinute = new ArrayList<>();
        for (int left = seconds; left > 0; left -= 60) {
            Thread.sleep(Math.min(left, 60) * 1000L);
            Map<String, Long> now = server.graphRequestsByAccount();
            perMinute.add(minus(now, last, true));
            last = now;
        }
        Map<String, Long> byAccount = minus(last, start, true);
        Map<String, Double> per10Min = new TreeMap<>();
        byAccount.forEach((account, n) -> per10Min.put(account, Math.round(n * 6_000.0 / seconds) / 10.0));
        return new Figures(seconds, byAccount, per10Min, perMinute, minus(server.graphRequestsByPath(), paths, false));
    }

    /** {@code after − before} per key; keys that did not change left out unless {@code zeros}. */
    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before, boolean zeros) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((key, n) -> {
            long d = n - before.getOrDefault(key, 0L);
            if (d != 0 || zeros) {
                difference.put(key, d);
            }
        });
        return difference;
    }
}
