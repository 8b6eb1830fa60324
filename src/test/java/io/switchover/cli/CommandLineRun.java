package io.switchover.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The exit code and both output streams of one command line, run in-process as a user would run it. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }
}
