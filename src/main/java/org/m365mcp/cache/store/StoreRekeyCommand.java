package org.m365mcp.cache.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;
import org.m365mcp.cache.key.CacheKey;

/**
 * The offline key rotation, for an operator with the server stopped: re-keys a cache file with
 * {@link StoreRekey}, the keys taken from the environment so that they appear neither in the
 * process list nor in the shell history.
 *
 * <pre>
 * M365_MCP_CACHE_KEY=&lt;current&gt; M365_MCP_NEW_CACHE_KEY=&lt;new&gt; \
 *   java -cp 'WEB-INF/classes:WEB-INF/lib/*' org.m365mcp.cache.store.StoreRekeyCommand &lt;cache file&gt;
 * </pre>
 *
 * <ul>
 *   <li>Exit status 0: re-keyed; 1: not re-keyed (the file still opens with the current key);
 *       2: usage.
 *   <li>Stores the new key nowhere: the operator puts it in the keyring or the variable before
 *       starting the server. Never prints a key.
 * </ul>
 */
public final class StoreRekeyCommand {

    /** The variable holding the new key. */
    public static final String NEW_KEY_VARIABLE = "M365_MCP_NEW_CACHE_KEY";

    private static final String CURRENT_KEY_VARIABLE = "M365_MCP_CACHE_KEY";

    private StoreRekeyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System::getenv, System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, Function<String, String> environment, PrintStream out, PrintStream err) {
        String current = environment.apply(CURRENT_KEY_VARIABLE);
        String next = environment.apply(NEW_KEY_VARIABLE);
        if (args.length != 1 || isBlank(current) || isBlank(next)) {
            err.println("Usage: " + CURRENT_KEY_VARIABLE + "=<current key> " + NEW_KEY_VARIABLE
                    + "=<new key> java -cp ... " + StoreRekeyCommand.class.getName() + " <cache file>");
            err.println("Stop the server first. See docs/security.md, \"Rotating the cache key\".");
            return 2;
        }
        Path file = Path.of(args[0]).toAbsolutePath();
        try {
            StoreRekey.rekey(file, CacheKey.of(current), CacheKey.of(next), StoreRekey.KeyCommit.NONE);
        } catch (StoreException | IllegalArgumentException e) {
            err.println("Not re-keyed: " + e.getMessage());
            return 1;
        }
        out.println("Re-keyed " + file + ". Store the new key in the OS keyring (service m365-mcp-cache,"
                + " account encryption-key) or in " + CURRENT_KEY_VARIABLE + " before starting the server.");
        return 0;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
