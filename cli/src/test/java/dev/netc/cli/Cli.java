package dev.netc.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;

/** Runs {@code netc} in process, as a user would, and captures what it prints. */
final class Cli {
  private Cli() {}

  /** What one run did. */
  record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
  }

  static Run run(Object... args) {
    return run(Main.commandLine(), args);
  }

  /** Runs {@code cli} (from {@link Main#commandLine()}, perhaps with more subcommands). */
  static Run run(CommandLine cli, Object... args) {
    String[] text = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(text);
    return new Run(code, out.toString(), err.toString());
  }

  /** A test resource of this package as a path. */
  static Path resource(String name) {
    try {
      return Path.of(Cli.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }

  /** {@code samples/data/<name>} of this repository. */
  static Path sampleData(String name) {
    return Path.of(System.getProperty("netc.samples", "../samples"), "data", name);
  }
}
