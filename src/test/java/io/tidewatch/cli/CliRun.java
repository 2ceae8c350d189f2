package io.tidewatch.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the CLI in-process with captured stdout, stderr (and anything else printed to System.out/err) and a given stdin. */
record CliRun(int exit, String out, String err) {
    static CliRun withStdin(String stdin, String... args) {
        InputStream oldIn = System.in;
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        StringWriter out = new StringWriter(), err = new StringWriter();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            PrintStream strayStream = new PrintStream(stray, true, StandardCharsets.UTF_8);
            System.setOut(strayStream);
            System.setErr(strayStream);
            var cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new CliRun(exit, out.toString(), err + stray.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static CliRun of(String... args) { return withStdin("", args); }
}
