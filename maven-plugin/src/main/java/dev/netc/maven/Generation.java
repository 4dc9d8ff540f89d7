package dev.netc.maven;

import dev.netc.generator.CompileInput;
import dev.netc.generator.CompileResult;
import dev.netc.generator.GeneratedClass;
import dev.netc.generator.NetcCompiler;
import dev.netc.generator.write.GeneratedFiles;
import dev.netc.grammar.check.DuplicateNetworks;
import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.codehaus.plexus.util.DirectoryScanner;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * One run of a goal, in the order of the plugin conventions: scan the inputs, plan from the state
 * file, delete outputs of removed inputs, read the stale inputs through the grammar's {@link
 * SourceFile} and compile them through {@link NetcCompiler}, report every problem of every file,
 * write the files whose bytes changed through {@link GeneratedFiles}, then save the state (only
 * after success, so failed files stay stale).
 */
final class Generation {
  private final GenerationRequest request;
  private final Log log;
  private final BuildContext buildContext;

  Generation(GenerationRequest request, Log log, BuildContext buildContext) {
    this.request = request;
    this.log = log;
    this.buildContext = buildContext;
  }

  /**
   * Runs the generation.
   *
   * @throws MojoFailureException if a {@code .nn} file has errors (or warnings with {@code
   *     failOnWarning}); every problem has been logged
   * @throws IOException if a file cannot be read or written
   */
  void run() throws MojoFailureException, IOException {
    List<String> inputs = scan();
    Optional<IncrementalState> previous = IncrementalState.read(request.stateFile());
    if (inputs.isEmpty() && previous.map(s -> s.entries().isEmpty()).orElse(true)) {
      log.info("No .nn files in " + request.sourceDirectory());
      return;
    }

    SortedMap<String, byte[]> contents = new TreeMap<>();
    SortedMap<String, String> hashes = new TreeMap<>();
    for (String input : inputs) {
      byte[] bytes = Files.readAllBytes(sourceFile(input));
      contents.put(input, bytes);
      hashes.put(input, Hashing.sha256(bytes));
    }
    String fingerprint = fingerprint();
    Staleness.Plan plan =
        Staleness.plan(
            previous, fingerprint, hashes, output -> Files.isRegularFile(outputFile(output)));
    log.debug(
        "netc: "
            + plan.stale().size()
            + " stale, "
            + plan.unchanged().size()
            + " unchanged ("
            + plan.reason()
            + ")");
    for (String output : plan.removedOutputs()) {
      delete(outputFile(output));
    }

    Map<String, IncrementalState.Entry> previousEntries =
        previous.map(IncrementalState::entries).orElse(new TreeMap<>());
    List<Problem> problems = new ArrayList<>();
    Map<String, List<GeneratedClass>> classesByInput = compile(plan.stale(), contents, problems);
    problems.addAll(clashesWithUnchanged(plan, previousEntries, classesByInput));
    Failures failures = report(problems);

    // Write what compiled, also when other files failed (the IDE and the next run profit).
    SortedMap<String, IncrementalState.Entry> nextEntries = new TreeMap<>();
    for (String input : plan.unchanged()) {
      nextEntries.put(input, previousEntries.get(input));
    }
    int regenerated = 0;
    int written = 0;
    for (String input : plan.stale()) {
      if (failures.files().contains(sourceFile(input))) {
        continue;
      }
      List<String> outputs = new ArrayList<>();
      List<GeneratedClass> classes = classesByInput.getOrDefault(input, List.of());
      for (GeneratedClass generated : classes) {
        Path target = request.outputDirectory().resolve(generated.relativePath());
        written += writeIfChanged(target, generated.javaSource()) ? 1 : 0;
        outputs.add(recorded(target));
        if (request.generateTests()) {
          Path test = request.testOutputDirectory().resolve(GeneratedTests.relativePath(generated));
          written += writeIfChanged(test, GeneratedTests.source(generated)) ? 1 : 0;
          outputs.add(recorded(test));
        }
      }
      regenerated += classes.size();
      outputs.sort(null);
      nextEntries.put(
          input, new IncrementalState.Entry(hashes.get(input), classes.size(), outputs));
    }

    // Keep the old state on failure, so that everything this run compiled stays stale.
    if (!failures.files().isEmpty()) {
      throw new MojoFailureException(
          failureMessage(failures.errors(), failures.warnings(), failures.files().size()));
    }
    IncrementalState next = new IncrementalState(fingerprint, nextEntries);
    Set<Path> kept = new HashSet<>();
    next.allOutputs().forEach(output -> kept.add(outputFile(output)));
    for (String output : Staleness.obsoleteOutputs(previous, next)) {
      if (!kept.contains(outputFile(output))) {
        delete(outputFile(output));
      }
    }
    next.write(request.stateFile());

    int total = nextEntries.values().stream().mapToInt(IncrementalState.Entry::networks).sum();
    log.info(
        "netc: "
            + regenerated
            + " of "
            + plural(total, "network")
            + " regenerated into "
            + display(request.outputDirectory())
            + " ("
            + plural(written, "file")
            + " written)");
  }

  /** Plugin version, the compiler's code and the configuration, hashed. */
  private String fingerprint() throws IOException {
    return Hashing.sha256(
        request.pluginVersion()
            + "\n"
            + Hashing.codeFingerprint(NetcCompiler.class, SourceFile.class, Generation.class)
            + "\n"
            + request.configurationText());
  }

  /**
   * Decodes the stale inputs in the configured encoding (a bad byte is the compiler's located
   * {@code UNREADABLE_TEXT} error), gives each its default package and compiles them all at once;
   * adds every problem to {@code problems} and returns the generated classes by input.
   */
  private Map<String, List<GeneratedClass>> compile(
      List<String> stale, Map<String, byte[]> contents, List<Problem> problems) {
    List<CompileInput> compileInputs = new ArrayList<>();
    for (String input : stale) {
      Path file = sourceFile(input);
      buildContext.removeMessages(file.toFile());
      PackageNames.Resolved pkg = PackageNames.resolve(input, request.packageName());
      if (pkg.error() != null) {
        problems.add(new Problem(file, 1, 1, true, pkg.error()));
      } else {
        log.debug(
            "netc: "
                + input
                + ": package for a file without a declaration "
                + pkg.packageName().map(p -> "'" + p + "'").orElse("(default)")
                + " from "
                + pkg.source());
        SourceFile source = SourceFile.decode(input, contents.get(input), request.encoding());
        compileInputs.add(new CompileInput(source, pkg.packageName()));
      }
    }
    Map<String, List<GeneratedClass>> classesByInput = new LinkedHashMap<>();
    if (compileInputs.isEmpty()) {
      return classesByInput;
    }
    CompileResult result = NetcCompiler.compile(compileInputs);
    for (Diagnostic d : result.diagnostics()) {
      problems.add(
          new Problem(
              sourceFile(d.source().name()), d.line(), d.column(), d.isError(), d.message()));
    }
    for (GeneratedClass generated : result.classes()) {
      classesByInput
          .computeIfAbsent(generated.network().sourceName(), k -> new ArrayList<>())
          .add(generated);
    }
    return classesByInput;
  }

  /**
   * What fails the build.
   *
   * @param errors errors reported
   * @param warnings warnings that count because of {@code failOnWarning}
   * @param files the files they are in
   */
  private record Failures(int errors, int warnings, Set<Path> files) {}

  /**
   * Logs every problem, sorted by file, line and column, in the compiler's one-line form (and, in
   * an IDE, as a marker), and counts what fails the build.
   */
  private Failures report(List<Problem> problems) {
    problems.sort(null);
    Set<Path> files = new TreeSet<>();
    int errors = 0;
    int warnings = 0;
    for (Problem problem : problems) {
      if (problem.error()) {
        log.error(problem.toLogLine());
      } else {
        log.warn(problem.toLogLine());
      }
      if (buildContext.isIncremental()) {
        // An IDE: a marker on the line. (The command line's default context would log the
        // message a second time, in another format.)
        buildContext.addMessage(
            problem.file().toFile(),
            problem.line(),
            problem.column(),
            problem.message(),
            problem.error() ? BuildContext.SEVERITY_ERROR : BuildContext.SEVERITY_WARNING,
            null);
      }
      if (problem.error()) {
        errors++;
        files.add(problem.file());
      } else if (request.failOnWarning()) {
        warnings++;
        files.add(problem.file());
      }
    }
    return new Failures(errors, warnings, files);
  }

  /** The {@code .nn} files below the source folder, relative, {@code /}-separated, sorted. */
  private List<String> scan() {
    File base = request.sourceDirectory().toFile();
    if (!base.isDirectory()) {
      return List.of();
    }
    DirectoryScanner scanner = new DirectoryScanner();
    scanner.setBasedir(base);
    scanner.setIncludes(request.includes().toArray(new String[0]));
    scanner.setExcludes(request.excludes().toArray(new String[0]));
    scanner.addDefaultExcludes();
    scanner.scan();
    String[] files = scanner.getIncludedFiles();
    Arrays.sort(files);
    List<String> inputs = new ArrayList<>();
    for (String file : files) {
      inputs.add(file.replace(File.separatorChar, '/'));
    }
    return inputs;
  }

  /**
   * Two networks of the build that generate the same file are an error even when only one of their
   * files changed: compare the new classes with the recorded outputs of the unchanged inputs.
   */
  private List<Problem> clashesWithUnchanged(
      Staleness.Plan plan,
      Map<String, IncrementalState.Entry> previousEntries,
      Map<String, List<GeneratedClass>> classesByInput) {
    Map<String, String> ownerOfOutput = new HashMap<>();
    for (String input : plan.unchanged()) {
      for (String output : previousEntries.get(input).outputs()) {
        ownerOfOutput.put(output, input);
      }
    }
    List<Problem> clashes = new ArrayList<>();
    for (Map.Entry<String, List<GeneratedClass>> e : classesByInput.entrySet()) {
      for (GeneratedClass generated : e.getValue()) {
        String output = recorded(request.outputDirectory().resolve(generated.relativePath()));
        String owner = ownerOfOutput.get(output);
        if (owner != null) {
          clashes.add(
              new Problem(
                  sourceFile(e.getKey()),
                  generated.network().span().line(),
                  generated.network().span().column(),
                  true,
                  DuplicateNetworks.message(
                      generated.network().name(),
                      generated.qualifiedName(),
                      DuplicateNetworks.Earlier.in(owner))));
        }
      }
    }
    return clashes;
  }

  private boolean writeIfChanged(Path target, String text) throws IOException {
    if (!GeneratedFiles.writeIfChanged(target, text)) {
      return false;
    }
    buildContext.refresh(target.toFile());
    log.debug("netc: wrote " + target);
    return true;
  }

  /**
   * How the state records an output: relative to the project's folder, {@code /}-separated, so that
   * a copied or moved project does not refer to (and delete) the files of the original.
   */
  private String recorded(Path output) {
    Path base = request.baseDirectory().toAbsolutePath().normalize();
    return base.relativize(output.toAbsolutePath().normalize())
        .toString()
        .replace(File.separatorChar, '/');
  }

  /** The file a recorded output names. */
  private Path outputFile(String recorded) {
    return request.baseDirectory().toAbsolutePath().resolve(recorded).normalize();
  }

  /** Deletes a generated file; never anything outside the output folders. */
  private void delete(Path file) throws IOException {
    if (!file.startsWith(request.outputDirectory())
        && !file.startsWith(request.testOutputDirectory())) {
      log.debug("netc: not deleting " + file + ", which is outside the output folders");
      return;
    }
    if (Files.deleteIfExists(file)) {
      buildContext.refresh(file.toFile());
      log.debug("netc: deleted " + file);
    }
  }

  private Path sourceFile(String relative) {
    return request.sourceDirectory().resolve(relative).toAbsolutePath().normalize();
  }

  private String display(Path dir) {
    Path base = request.baseDirectory().toAbsolutePath();
    Path abs = dir.toAbsolutePath();
    return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
  }

  /**
   * {@code netc: 3 errors in 2 files}, or with {@code failOnWarning} {@code netc: 1 error and 2
   * warnings in 2 files (failOnWarning)}.
   */
  static String failureMessage(int errors, int warnings, int files) {
    String what =
        warnings == 0
            ? plural(errors, "error")
            : errors == 0
                ? plural(warnings, "warning")
                : plural(errors, "error") + " and " + plural(warnings, "warning");
    return "netc: "
        + what
        + " in "
        + plural(files, "file")
        + (warnings > 0 ? " (failOnWarning)" : "");
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
