package org.clocksim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int exitCode, String out, String err) {
    static Cli run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), strings);
        return new Cli(code, out.toString(), err.toString());
    }
}
