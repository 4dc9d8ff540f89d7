/**
 * The netc Maven plugin: goals {@code generate} and {@code generate-test}. The Mojos only read
 * their parameters and hand a {@link dev.netc.maven.GenerationRequest} to {@link
 * dev.netc.maven.Generation}, which scans the source folder, decides what is stale from the state
 * file ({@link dev.netc.maven.Staleness}, a pure function), reads the stale inputs through the
 * grammar's {@code SourceFile}, compiles them through {@link dev.netc.generator.NetcCompiler} and
 * writes the changed files through the generator's {@code write} stage. Depends on the generator,
 * the grammar (source, the naming and duplicate-network rules of {@code check}, diagnostics) and
 * Maven's APIs; never on the runtime (generated code names it).
 */
package dev.netc.maven;
