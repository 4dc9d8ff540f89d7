package dev.netc.cli;

import dev.netc.generator.CheckResult;
import dev.netc.generator.CompileInput;
import dev.netc.generator.CompileResult;
import dev.netc.generator.GeneratedClass;
import dev.netc.generator.NetcCompiler;
import dev.netc.grammar.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs netc's compiler on the user's files and prints its diagnostics. */
final class Compilation {
  private Compilation() {}

  /**
   * Reads and compiles {@code files}, prints every diagnostic to {@code err}, and fails with exit
   * code 1 (after the diagnostics) if any file has an error.
   */
  static CompileResult compile(List<Path> files, Optional<String> defaultPackage, PrintWriter err) {
    CompileResult result = NetcCompiler.compile(read(files, defaultPackage));
    Diagnostics.print(result.diagnostics(), err);
    if (result.hasErrors()) {
      throw CommandFailure.silent(ExitCode.INPUT);
    }
    return result;
  }

  /**
   * Reads and checks {@code files} with every rule of the language, generating nothing; prints
   * every diagnostic to {@code err} and fails with exit code 1 (after them) if any file has an
   * error.
   */
  static CheckResult check(List<Path> files, PrintWriter err) {
    CheckResult result = NetcCompiler.check(read(files, Optional.empty()));
    Diagnostics.print(result.diagnostics(), err);
    if (result.hasErrors()) {
      throw CommandFailure.silent(ExitCode.INPUT);
    }
    return result;
  }

  private static List<CompileInput> read(List<Path> files, Optional<String> defaultPackage) {
    List<CompileInput> inputs = new ArrayList<>();
    for (Path file : files) {
      SourceFile source = InputFiles.readSource(file);
      inputs.add(new CompileInput(source, defaultPackage));
    }
    return inputs;
  }

  /**
   * Compiles one file and picks one network of it: the one named {@code networkName}, or the only
   * one. A file with several networks needs {@code --network}; the error lists the names.
   */
  static GeneratedClass compileOne(Path file, Optional<String> networkName, PrintWriter err) {
    CompileResult result = compile(List.of(file), Optional.empty(), err);
    List<GeneratedClass> classes = result.classes();
    List<String> names = classes.stream().map(c -> c.network().name()).toList();
    if (networkName.isPresent()) {
      return classes.stream()
          .filter(c -> c.network().name().equals(networkName.get()))
          .findFirst()
          .orElseThrow(
              () ->
                  CommandFailure.input(
                      "--network "
                          + networkName.get()
                          + ": "
                          + file
                          + " has no network of that name; it declares "
                          + String.join(", ", names)
                          + " (names are case-sensitive)"));
    }
    if (classes.size() != 1) {
      throw CommandFailure.input(
          file
              + " declares "
              + classes.size()
              + " networks ("
              + String.join(", ", names)
              + "); choose one with --network NAME, for example --network "
              + names.get(0));
    }
    return classes.get(0);
  }
}
