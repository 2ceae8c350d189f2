package io.tidewatch.cli;

import io.tidewatch.core.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tidewatch} command line: wiring only; each subcommand lives in its own class. */
@Command(name = "tidewatch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Guards an exchange's official Telegram and Twitter community.",
        subcommands = {
                CommandLine.HelpCommand.class,
                RunCommand.class,
                ScanCommand.class,
                CheckNameCommand.class,
                AskCommand.class,
                AnnounceCommand.class,
                BenchCommand.class,
        })
public final class Main implements Runnable {
    /** Exit status for an error (bad input, bad rules); 0 is clean and 1 is "findings". */
    public static final int EXIT_ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // findings and excerpts carry Chinese text: write UTF-8 whatever the platform default
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + ex.getMessage());
            } else {
                cmd.getErr().println("error: " + ex);
            }
            return EXIT_ERROR;
        });
        cl.setExitCodeExceptionMapper(ex -> EXIT_ERROR);
        return cl;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"tidewatch " + (v == null ? "dev" : v)};
        }
    }
}
