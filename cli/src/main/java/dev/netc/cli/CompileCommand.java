package dev.netc.cli;

import dev.netc.generator.CompileResult;
import dev.netc.generator.GeneratedClass;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netc compile FILE.nn... [-d DIR] [--package P]}: writes the generated Java sources. */
@Command(
    name = "compile",
    mixinStandardHelpOptions = true,
    description = {
      "Compiles .nn files to Java: one class per network, written below DIR in the folders of its"
          + " package. A file with errors produces no Java."
    })
final class CompileCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE.nn", description = "The files to compile.")
  List<Path> files;

  @Option(
      names = "-d",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write the .java files (default: the current folder).")
  Path directory;

  @Option(
      names = "--package",
      paramLabel = "P",
      description = "The Java package of networks whose file has no package declaration.")
  String packageName;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CompileResult result =
        Compilation.compile(files, Optional.ofNullable(packageName), spec.commandLine().getErr());
    for (GeneratedClass generated : result.classes()) {
      Path target = directory.resolve(generated.relativePath());
      InputFiles.writeGenerated(target, generated.javaSource());
      out.println(
          generated.network().sourceName() + ": " + generated.network().name() + " -> " + target);
    }
    out.flush();
    return ExitCode.OK;
  }
}
