/**
 * The {@code netc} command (picocli): one {@code *Command} class per subcommand, and the adapters
 * they share: reading files with the command's errors ({@code InputFiles}), running netc's compiler
 * and printing its diagnostics ({@code Compilation}), compiling the generated Java in memory
 * ({@code InMemoryJavaCompiler}), and turning options into a run of the runtime's trainer ({@code
 * Training}). Depends on the grammar, the generator and the runtime; nothing depends on it. Exit
 * codes are javac's ({@link dev.netc.cli.ExitCode}); a user's mistake is a {@link
 * dev.netc.cli.CommandFailure} or a runtime {@code UserError}, never a stack trace.
 */
package dev.netc.cli;
