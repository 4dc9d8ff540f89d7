package dev.netc.cli;

import dev.netc.runtime.UserError;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The entry point of the {@code netc} command. Builds the picocli command line with the javac exit
 * codes: 0 ok, 1 errors in the input, 2 bad usage, 3 a system error, 4 an internal error.
 */
public final class Main {
  private Main() {}

  /** Runs {@code netc} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The configured command line, writing to {@code System.out} and {@code System.err}; tests set
   * their own writers with {@link CommandLine#setOut} and {@link CommandLine#setErr} and call
   * {@link CommandLine#execute}.
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new NetcCommand());
    cli.setExecutionExceptionHandler(Main::handleException);
    // picocli lets Errors (a missing class, no memory) through: report them like exceptions.
    cli.setExecutionStrategy(
        parseResult -> {
          try {
            return new CommandLine.RunLast().execute(parseResult);
          } catch (OutOfMemoryError e) {
            CommandLine failed =
                parseResult.subcommand() == null
                    ? cli
                    : parseResult.subcommand().commandSpec().commandLine();
            return handleException(
                CommandFailure.system(
                    "out of memory; give Java more with"
                        + " JAVA_OPTS=-Xmx4g (or use a smaller network or data set)",
                    null),
                failed,
                parseResult);
          } catch (Error e) {
            return handleException(new IllegalStateException(e.toString(), e), cli, parseResult);
          }
        });
    return cli;
  }

  private static int handleException(
      Exception exception, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose = verbose(commandLine);
    if (exception instanceof CommandFailure failure) {
      if (!failure.getMessage().isEmpty()) {
        err.println("netc: " + failure.getMessage());
      }
      if (verbose && failure.getCause() != null) {
        err.print(stackTrace(failure));
      }
      err.flush();
      return failure.exitCode();
    }
    if (exception instanceof UserError userError) {
      // The runtime's message is complete: file, row or step, what was expected.
      err.println("netc: " + userError.getMessage());
      if (verbose) {
        err.print(stackTrace(userError));
      }
      err.flush();
      return ExitCode.INPUT;
    }
    err.println(
        "netc: internal error: "
            + describe(exception)
            + (verbose
                ? ""
                : " (this is a bug in netc; run again with --verbose for the stack trace and"
                    + " report it)"));
    if (verbose) {
      err.print(stackTrace(exception));
    }
    err.flush();
    return ExitCode.INTERNAL;
  }

  private static boolean verbose(CommandLine commandLine) {
    Object root = commandLine.getCommandSpec().root().userObject();
    return root instanceof NetcCommand netc && netc.verbose();
  }

  private static String describe(Throwable exception) {
    String message = exception.getMessage();
    return exception.getClass().getName() + (message == null ? "" : ": " + message);
  }

  private static String stackTrace(Throwable exception) {
    StringWriter text = new StringWriter();
    exception.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
