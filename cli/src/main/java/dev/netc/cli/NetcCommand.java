package dev.netc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code netc}: the top-level command; its subcommands do the work. */
@Command(
    name = "netc",
    mixinStandardHelpOptions = true,
    versionProvider = NetcCommand.Version.class,
    description =
        "Compiles small feed-forward neural networks (.nn files) to Java, and trains and runs"
            + " them.",
    subcommands = {
      CheckCommand.class,
      CompileCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      PredictCommand.class,
      CvCommand.class,
      GradcheckCommand.class,
      BenchCommand.class,
      ImportCommand.class,
      ExportCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 errors in the input, 2 bad usage, 3 system error (I/O),"
          + " 4 internal error.",
      "Run 'netc COMMAND --help' for the options of a command."
    })
public final class NetcCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean verbose;

  /** True if {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing command: check, compile, train, eval, predict, cv, gradcheck, bench, import or"
            + " export");
  }

  /** netc's version, from {@code netc-version.properties}, which the build fills in. */
  static String versionNumber() {
    Properties properties = new Properties();
    try (InputStream in = NetcCommand.class.getResourceAsStream("netc-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "(unknown version)");
  }

  /** The version lines of {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "netc " + versionNumber(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")"
      };
    }
  }
}
