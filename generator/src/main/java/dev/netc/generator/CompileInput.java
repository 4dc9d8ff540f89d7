package dev.netc.generator;

import dev.netc.grammar.source.SourceFile;
import java.util.Optional;

/**
 * One file to compile.
 *
 * @param source the file
 * @param defaultPackage the Java package for its networks if the file declares none (the Maven
 *     plugin derives it from the file's folder or its configuration, the CLI from {@code
 *     --package})
 */
public record CompileInput(SourceFile source, Optional<String> defaultPackage) {}
