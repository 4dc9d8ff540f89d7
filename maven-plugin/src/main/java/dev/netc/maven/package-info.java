/**
 * The netc Maven plugin: goals {@code generate} and {@code generate-test}. The Mojos only read their
 * parameters and hand a {@link dev.netc.maven.GenerationRequest} to {@link
 * dev.netc.maven.Generation}, which scans the source folder, decides what is stale from the state
 * file ({@link dev.netc.maven.Staleness}, a pure function), compiles through {@link
 * dev.netc.generator.NetcCompiler} and writes the changed files. May depend on the generator, the
 * grammar's diagnostics and Maven's APIs; never on the runtime (generated code names it).
 */
package dev.netc.maven;
