package org.m365mcp.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The main class of {@code target/m365-mcp.jar}, Payara Micro's uber jar with the WAR inside: reads
 * where to listen ({@link LaunchSettings}), writes the shipped boot commands with that host to a
 * temporary file, and boots Payara Micro with {@code --port} and {@code --prebootcommandfile}, as
 * {@code mvn -Prun package} always did. {@code --help} prints the settings that matter; {@code --stdio}
 * serves MCP over stdin/stdout instead of HTTP ({@link StdioLaunch}).
 *
 * <ul>
 *   <li>Arguments other than {@code --help}, {@code --stdio} and {@code --http} go to Payara Micro after ours (e.g. {@code --rootdir}).</li>
 *   <li>A bad host or port ends the launch with a message and exit status 2, before Payara starts.</li>
 *   <li>Left out of the WAR (pom.xml): it runs only in the jar, next to Payara Micro's boot classes.</li>
 * </ul>
 */
public final class Launcher {

    /** Payara Micro's own main class in its jar (its manifest's Main-Class before ours replaced it). */
    static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";

    /** The shipped boot commands, unfiltered, as the build copies them beside this class. */
    static final String BOOT_COMMANDS = "pre-boot-commands.txt";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            HelpText.print(System.out);
            return;
        }
        List<String> arguments = new ArrayList<>(List.of(args));
        LaunchSettings settings;
        Optional<StdioLaunch> stdio;
        try {
            settings = LaunchSettings.of(System.getProperties(), System.getenv());
            stdio = StdioLaunch.take(arguments, System.getProperties(), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("m365-mcp: " + e.getMessage() + " (java -jar m365-mcp.jar --help)");
            System.exit(2);
            return;
        }
        if (stdio.isPresent()) {
            settings = settings.withPort(
                    stdio.get().port(settings, LaunchSettings.portSet(System.getProperties(), System.getenv())));
            // The one line on the real stderr, which stdio clients show in their own logs.
            System.err.println(
                    "m365-mcp: MCP over stdio; the log is " + stdio.get().logFile());
            stdio.get().apply(System.getProperties());
        }
        List<String> payara = new ArrayList<>(List.of(
                "--port",
                String.valueOf(settings.port()),
                "--prebootcommandfile",
                bootCommandFile(settings).toString()));
        payara.addAll(arguments);
        try {
            Class.forName(PAYARA_MAIN).getMethod("main", String[].class).invoke(null, (Object)
                    payara.toArray(String[]::new));
        } catch (ClassNotFoundException e) {
            System.err.println("m365-mcp: Payara Micro is not on the class path: run the built target/m365-mcp.jar");
            System.exit(2);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The boot commands for {@code settings} in a file of their own, removed when the JVM exits. */
    private static Path bootCommandFile(LaunchSettings settings) throws IOException {
        String template;
        try (InputStream in = Launcher.class.getResourceAsStream(BOOT_COMMANDS)) {
            if (in == null) {
                throw new IllegalStateException(BOOT_COMMANDS + " is missing beside " + Launcher.class.getName());
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file;
        try {
            file = Files.createTempFile(
                    "m365-mcp-boot",
                    ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile("m365-mcp-boot", ".txt");
        }
        file.toFile().deleteOnExit();
        return Files.writeString(file, settings.bootCommands(template));
    }
}
